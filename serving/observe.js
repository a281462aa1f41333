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
const destination = pino.destination({ dest: 1, sync: false });
export const logger = pino({ level: process.env.LOG_LEVEL || 'info', base: undefined }, destination);

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

/**
 * Each method, route and status's two series, looked up once: routes are route ids and
 * fixed names, methods those Node's parser knows, so the map stays small.
 * @type {Map<string, { count: { inc(): void }, latency: { observe(seconds: number): void }, route: string }>}
 */
const series = new Map();
function seriesOf(/** @type {string} */ method, /** @type {string} */ route, /** @type {number} */ status) {
	const key = `${method} ${status} ${route}`;
	let found = series.get(key);
	if (!found) {
		found = { count: requests.labels(method, route, String(status)), latency: latency.labels(method, route), route: JSON.stringify(route) };
		series.set(key, found);
	}
	return found;
}

// A proxy's request id (nginx: $request_id) is kept so its log and ours line up.
const REQUEST_ID = /^[\w.-]{1,64}$/;
const STARTED = Symbol('started');
const ID = Symbol('requestId');
// The request line is pino's own format written by hand: every field is a number, a
// known method, a memoised route or an id of [\w.-], so there is nothing to escape and
// no serializer runs per request. The level is fixed at start, like the logger's.
const logRequests = logger.isLevelEnabled('info');
const INFO = pino.levels.values.info;

/** @typedef {import('node:http').ServerResponse & { [STARTED]: number, [ID]: string, req: import('node:http').IncomingMessage & { [ROUTE_ID]?: string | null } }} Observed */

/**
 * Logs and counts a request once its response is closed (one listener shared by all
 * responses, no closure per request). The route is SvelteKit's route id, or what
 * server.js named it when the request never reached SvelteKit (pages from memory, static files).
 * @this {Observed}
 */
function closed() {
	const ms = performance.now() - this[STARTED];
	const method = this.req.method ?? 'GET';
	const status = this.statusCode;
	const { count, latency, route } = seriesOf(method, this.req[ROUTE_ID] ?? '(none)', status);
	count.inc();
	latency.observe(ms / 1000);
	if (!logRequests) return;
	const aborted = this.writableFinished ? '' : ',"aborted":true';
	destination.write(
		`{"level":${INFO},"time":${Date.now()},"req":"${this[ID]}","method":"${method}","route":${route},"status":${status},"ms":${Math.round(ms * 10) / 10}${aborted}}\n`
	);
}

/**
 * Starts timing the request and returns its id (the proxy's, or a new one), which the
 * caller sends back as x-request-id.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function observe(req, res) {
	const incoming = req.headers['x-request-id'];
	const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
	const observed = /** @type {Observed} */ (res);
	observed[STARTED] = performance.now();
	observed[ID] = id;
	res.on('close', closed);
	return id;
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
