// What an operator sees: one JSON log line per request (pino) and Prometheus metrics
// (prom-client) on a separate listener. The privacy promise holds here too: a log line
// names the route, never the client's address, the URL's query, a comment or an answer.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import pino from 'pino';
import client from 'prom-client';
import { ROUTE_ID } from '@fitnavigator/serving/link';

// Written asynchronously: a line is queued and the write happens off the request's path,
// batched with the lines that queue behind it (pino flushes what is left on exit).
export const logger = pino({ level: process.env.LOG_LEVEL || 'info', base: undefined }, pino.destination({ dest: 1, sync: false }));

// One registry per process, shared with the app bundle (it imports the same prom-client).
client.collectDefaultMetrics();
const requests = new client.Counter({
	name: 'http_requests_total',
	help: 'HTTP requests answered, by method, route and status',
	labelNames: ['method', 'route', 'status']
});
const latency = new client.Histogram({
	name: 'http_request_duration_seconds',
	help: 'Time to answer an HTTP request, by method and route',
	labelNames: ['method', 'route'],
	buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]
});

// A proxy's request id (nginx: $request_id) is kept so its log and ours line up.
const REQUEST_ID = /^[\w.-]{1,64}$/;

/**
 * Logs and counts the request once its response is finished. `route` names the route
 * when the request never reaches SvelteKit (pages from memory, static files).
 * @param {import('node:http').IncomingMessage & { [ROUTE_ID]?: string | null }} req
 * @param {import('node:http').ServerResponse} res
 */
export function observe(req, res) {
	const started = process.hrtime.bigint();
	const incoming = req.headers['x-request-id'];
	const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
	res.setHeader('x-request-id', id);
	res.once('close', () => {
		const seconds = Number(process.hrtime.bigint() - started) / 1e9;
		const route = req[ROUTE_ID] ?? '(none)';
		const method = req.method ?? 'GET';
		requests.inc({ method, route, status: res.statusCode });
		latency.observe({ method, route }, seconds);
		logger.info({
			req: id,
			method,
			route,
			status: res.statusCode,
			ms: Math.round(seconds * 1e4) / 10,
			aborted: !res.writableFinished || undefined
		});
	});
}

/** Opens the metrics listener on METRICS_PORT (METRICS_HOST, default loopback); none when unset. */
export function startMetricsServer() {
	const port = process.env.METRICS_PORT;
	if (!port) return undefined;
	const host = process.env.METRICS_HOST || '127.0.0.1';
	const server = http.createServer(async (req, res) => {
		if (req.url !== '/metrics') {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Metrics are at /metrics');
			return;
		}
		res.writeHead(200, { 'content-type': client.register.contentType }).end(await client.register.metrics());
	});
	server.listen(Number(port), host, () => logger.info({ msg: `Metrics on http://${host}:${port}/metrics` }));
	return server;
}
