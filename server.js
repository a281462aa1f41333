// Serves the built app (build/handler.js) over plain HTTP. A thin wrapper around
// adapter-node's handler so every response, static files included, gets the same
// headers, prerendered pages come from memory, the request protocol is what the socket
// says, and shutdown is clean.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';

// adapter-node assumes https unless told; this server speaks plain http, so it says so
// itself, in a header only it can set (clients' copies are overwritten below).
const PROTO_HEADER = 'x-fitnavigator-proto';
process.env.PROTOCOL_HEADER = PROTO_HEADER;

// Behind N trusted proxies (TRUST_PROXY=N), the client is the Nth address from the right
// of X-Forwarded-For; otherwise it is the socket's address and forwarding headers are ignored.
if (process.env.TRUST_PROXY) {
	const hops = Number(process.env.TRUST_PROXY);
	if (!Number.isInteger(hops) || hops < 1) throw new Error('TRUST_PROXY must be the number of proxies in front (1, 2, …)');
	process.env.ADDRESS_HEADER = 'x-forwarded-for';
	process.env.XFF_DEPTH = String(hops);
}

const { handler } = await import('./build/handler.js');
const { default: svelteConfig } = await import('./svelte.config.js');

const SECURITY_HEADERS = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
	'x-frame-options': 'DENY'
};

// Every response carries a CSP header. Pages rendered per request get SvelteKit's own
// (with a nonce; it replaces this one). Prerendered pages' inline scripts are allowed by
// hashes in their <meta> CSP, so their header repeats that tag; everything else (assets,
// JSON, 404s) gets the same directives with no inline scripts. frame-ancestors only
// works in a header, so it is added there.
const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'strict-dynamic', 'unsafe-hashes', 'report-sample']);
const directives = Object.entries(svelteConfig.kit.csp.directives).map(
	([name, sources]) => `${name} ${sources.map((s) => (KEYWORDS.has(s) ? `'${s}'` : s)).join(' ')}`
);
const BASE_CSP = directives.join('; ');
const FRAME_ANCESTORS = directives.find((d) => d.startsWith('frame-ancestors')) ?? "frame-ancestors 'none'";

// Prerendered pages (every guide) are served from memory, in the encodings the build
// precompressed: the page a reader in pain asks for is one Map lookup away, not a file
// read per request. Anything else goes to SvelteKit's handler.
const PRERENDERED = new URL('./build/prerendered/', import.meta.url).pathname;
const pages = new Map();
for (const entry of readdirSync(PRERENDERED, { recursive: true })) {
	if (!entry.endsWith('.html')) continue;
	const file = join(PRERENDERED, entry);
	const html = readFileSync(file);
	const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html.toString('utf8'));
	const encoded = (ext) => (existsSync(file + ext) ? readFileSync(file + ext) : undefined);
	pages.set(`/${entry.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '')}`, {
		csp: meta ? `${meta[1]}; ${FRAME_ANCESTORS}` : BASE_CSP,
		etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`,
		identity: html,
		br: encoded('.br'),
		gzip: encoded('.gz')
	});
}

// The editorial desk keeps guides' review lines true by rewriting their entries here (src/lib/server/reviews/serving.ts).
process.emit('fitnavigator:prerendered', pages);

function sendPage(req, res, page) {
	res.setHeader('content-security-policy', page.csp);
	res.setHeader('content-type', 'text/html; charset=utf-8');
	res.setHeader('etag', page.etag);
	res.setHeader('vary', 'accept-encoding');
	if (req.headers['if-none-match'] === page.etag) {
		res.statusCode = 304;
		return res.end();
	}
	const accepted = req.headers['accept-encoding'] ?? '';
	const encoding = page.br && /\bbr\b/.test(accepted) ? 'br' : page.gzip && /\bgzip\b/.test(accepted) ? 'gzip' : 'identity';
	if (encoding !== 'identity') res.setHeader('content-encoding', encoding);
	res.setHeader('content-length', page[encoding].length);
	res.end(req.method === 'HEAD' ? undefined : page[encoding]);
}

const server = http.createServer((req, res) => {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	const page = (req.method === 'GET' || req.method === 'HEAD') && pages.get(req.url.split('?')[0]);
	if (page) return sendPage(req, res, page);
	req.headers[PROTO_HEADER] = 'http';
	res.setHeader('content-security-policy', BASE_CSP);
	handler(req, res, () => {
		res.statusCode = 404;
		res.setHeader('content-type', 'text/plain; charset=utf-8');
		res.end('Not found');
	});
});

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

let stopping = false;
function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	server.close(() => {
		// Lets the app close its database (PGlite hangs the process otherwise).
		process.emit('sveltekit:shutdown', reason);
	});
	server.closeIdleConnections();
	setTimeout(() => server.closeAllConnections(), Number(process.env.SHUTDOWN_TIMEOUT || 10) * 1000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
