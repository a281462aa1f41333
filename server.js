// Serves the built app (build/handler.js) over plain HTTP. A thin wrapper around
// adapter-node's handler so every response, static files included, gets the same
// headers, the request protocol is what the socket says, and shutdown is clean.
import { readdirSync, readFileSync } from 'node:fs';
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
// (with a nonce; it replaces this one). Prerendered pages are static files whose inline
// scripts are allowed by hashes in their <meta> CSP, so their header repeats that tag;
// everything else (assets, JSON, 404s) gets the same directives with no inline scripts.
// frame-ancestors only works in a header, so it is added there.
const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'strict-dynamic', 'unsafe-hashes', 'report-sample']);
const directives = Object.entries(svelteConfig.kit.csp.directives).map(
	([name, sources]) => `${name} ${sources.map((s) => (KEYWORDS.has(s) ? `'${s}'` : s)).join(' ')}`
);
const BASE_CSP = directives.join('; ');
const withFrameAncestors = (csp) =>
	/frame-ancestors/.test(csp) ? csp : `${csp}; ${directives.find((d) => d.startsWith('frame-ancestors')) ?? "frame-ancestors 'none'"}`;

const PRERENDERED = new URL('./build/prerendered/', import.meta.url).pathname;
const pageCsp = new Map();
for (const entry of readdirSync(PRERENDERED, { recursive: true })) {
	if (!entry.endsWith('.html')) continue;
	const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(readFileSync(join(PRERENDERED, entry), 'utf8'));
	if (!meta) continue;
	const path = `/${entry.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '')}`;
	pageCsp.set(path, withFrameAncestors(meta[1]));
}

function cspFor(url) {
	const path = (url ?? '/').split('?')[0].replace(/(.)\/$/, '$1');
	try {
		return pageCsp.get(decodeURIComponent(path)) ?? BASE_CSP;
	} catch {
		return BASE_CSP;
	}
}

const server = http.createServer((req, res) => {
	req.headers[PROTO_HEADER] = 'http';
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	res.setHeader('content-security-policy', cspFor(req.url));
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
