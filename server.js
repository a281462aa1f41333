// Serves the built app (build/handler.js) over plain HTTP. A thin wrapper around
// adapter-node's handler so every response, static files included, gets the same
// headers, prerendered pages come from memory (serving/pages.js), every request is logged
// and counted (serving/observe.js), and shutdown drains connections. It imports nothing
// from the dev dependencies: a production install (`npm ci --omit=dev`) runs it.
import http from 'node:http';
import { SOCKET_PROTOCOL_HEADER } from './serving/adapter-env.js';
import { cspHeader } from './serving/csp.js';
import { ROUTE_ID, serving } from '@fitnavigator/serving/link';
import { logger, observe, observeClose, observeEnded, startMetricsServer } from './serving/observe.js';
import { PrerenderedPages } from './serving/pages.js';
import { TOO_LONG_RESPONSE } from './serving/too-long.js';

// adapter-node's own variables (ORIGIN, PROTOCOL_HEADER, ADDRESS_HEADER, …) are set by
// whoever starts this file (serving/adapter-env.js); it only reads them. When the launcher
// chose this server's own protocol header, each request says what its socket says: http.
const ownProtocol = process.env.PROTOCOL_HEADER === SOCKET_PROTOCOL_HEADER;
// Started without a launcher: TRUST_PROXY would otherwise be dropped without a word.
if (process.env.TRUST_PROXY && !process.env.ADDRESS_HEADER)
	throw new Error('TRUST_PROXY is read by the launcher: start with `npm start`, or set ADDRESS_HEADER and XFF_DEPTH');

const SECURITY_HEADERS = Object.entries({
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
	'x-frame-options': 'DENY'
});

// Every response carries a CSP header. Pages rendered per request get SvelteKit's own
// (with a nonce; it replaces this one). Prerendered pages' inline scripts are allowed by
// hashes in their <meta> CSP, so their header repeats that tag; everything else (assets,
// JSON, 404s) gets the same directives with no inline scripts. frame-ancestors only
// works in a header, so it is added there.
const BASE_CSP = cspHeader();
const FRAME_ANCESTORS = BASE_CSP.split('; ').find((d) => d.startsWith('frame-ancestors'));
const pageCsp = (html) => {
	const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html);
	return meta ? `${meta[1]}; ${FRAME_ANCESTORS}` : BASE_CSP;
};

// Pages from memory get their headers, these included, as one prebuilt list per answer.
const pages = new PrerenderedPages(new URL('./build/prerendered/', import.meta.url).pathname, pageCsp, SECURITY_HEADERS.flat());
// Before the app starts: its init fills the guides' review slots (src/lib/server/desk/hook.ts).
serving.attachPages(pages);
const { handler } = await import('./build/handler.js');

// Votes the app answers before SvelteKit (src/lib/server/vote-link.ts), by SvelteKit's own
// route id in the log and metrics. A slug of other characters goes SvelteKit's way.
const VOTE_PATH = /^\/api\/v1\/guides\/([a-z0-9-]+)\/feedback(?:\?|$)/;
const VOTE_ROUTE = '/api/v1/guides/[slug]/feedback';

let stopping = false;

const server = http.createServer((req, res) => {
	const id = observe(req, res);
	// While draining, each answer closes its connection instead of keeping it alive. A page
	// from memory is answered in full right here, so it is logged right here too.
	if (pages.serve(req, res, stopping ? ['x-request-id', id, 'connection', 'close'] : ['x-request-id', id]))
		return observeEnded(res, '(prerendered)');
	observeClose(res);
	res.setHeader('x-request-id', id);
	for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
	if (stopping) res.setHeader('connection', 'close');
	// hooks.server.ts replaces this with the route id when SvelteKit has a route for it.
	req[ROUTE_ID] = '(static or none)';
	if (ownProtocol) req.headers[SOCKET_PROTOCOL_HEADER] = 'http';
	res.setHeader('content-security-policy', BASE_CSP);
	const vote = req.method === 'POST' ? VOTE_PATH.exec(req.url ?? '') : null;
	const voted = vote && serving.votes?.(vote[1], req);
	if (voted) {
		req[ROUTE_ID] = VOTE_ROUTE;
		voted
			.then(async (answer) => {
				const body = Buffer.from(await answer.arrayBuffer());
				res.statusCode = answer.status;
				for (const [name, value] of answer.headers) res.setHeader(name, value);
				res.end(body);
			})
			.catch((error) => {
				// What SvelteKit does with an error thrown by a route: log it, say nothing of it.
				if (res.headersSent || req.destroyed) return void res.destroy();
				console.error(error);
				res.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"Internal error"}');
			});
		return;
	}
	handler(req, res, () => {
		res.statusCode = 404;
		res.setHeader('content-type', 'text/plain; charset=utf-8');
		res.end('Not found');
	});
});

// Node's own answer to a request it cannot parse is a bare status line: a too-long address gets our page.
server.on('clientError', (err, socket) => {
	if (err.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
	socket.end(err.code === 'HPE_HEADER_OVERFLOW' ? TOO_LONG_RESPONSE : 'HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
});

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
server.listen(port, host, () => logger.info({ msg: `Listening on http://${host}:${port}` }));
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER)
	logger.warn({
		msg: 'Neither ORIGIN nor PROTOCOL_HEADER is set: adapter-node takes the origin to be https, so forms posted over http are refused (`npm start` sets them)'
	});
const metrics = startMetricsServer();

function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	metrics?.close();
	// Stop accepting; close connections that are idle now, and each busy one soon after its
	// answer is out (polled here, so no request pays for a listener), so keep-alive
	// clients move elsewhere.
	const draining = setInterval(() => server.closeIdleConnections(), 50);
	server.close(() => {
		clearInterval(draining);
		// Lets the app close its database (PGlite hangs the process otherwise).
		process.emit('sveltekit:shutdown', reason);
	});
	server.closeIdleConnections();
	setTimeout(() => server.closeAllConnections(), Number(process.env.SHUTDOWN_TIMEOUT || 10) * 1000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
