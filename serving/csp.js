// The Content-Security-Policy directives, in one place for both readers: svelte.config.js
// (SvelteKit adds nonces and hashes to them) and server.js (headers for everything else).
// Plain JavaScript with no imports, so a production install can load it without dev tools.

/** @type {Record<string, string[]>} */
export const CSP_DIRECTIVES = {
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self', 'unsafe-inline'],
	'img-src': ['self', 'data:'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self'],
	'frame-ancestors': ['none']
};

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'strict-dynamic', 'unsafe-hashes', 'report-sample']);

/** The directives as header text: `default-src 'self'; …`. */
export const cspHeader = (directives = CSP_DIRECTIVES) =>
	Object.entries(directives)
		.map(([name, sources]) => `${name} ${sources.map((s) => (KEYWORDS.has(s) ? `'${s}'` : s)).join(' ')}`)
		.join('; ');
