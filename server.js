// Serves the built app (build/handler.js) over plain HTTP. A thin wrapper around
// adapter-node's handler so every response, static files included, gets the same
// headers, the request protocol is what the socket says, and shutdown is clean.
import http from 'node:http';

// adapter-node assumes https unless told; this server speaks plain http, so it says so
// itself, in a header only it can set (clients' copies are overwritten below).
const PROTO_HEADER = 'x-fitnavigator-proto';
process.env.PROTOCOL_HEADER = PROTO_HEADER;

const { handler } = await import('./build/handler.js');

const SECURITY_HEADERS = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
	'x-frame-options': 'DENY'
};

const server = http.createServer((req, res) => {
	req.headers[PROTO_HEADER] = 'http';
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
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
