// What an operator sees: one JSON log line per request (pino's format) and Prometheus
// metrics (prom-client) on a separate listener. The privacy promise holds here too: a log
// line names the route, never the client's address, the URL's query, a comment or an answer.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import pino from 'pino';
import client from 'prom-client';
import { ROUTE_ID } from '@fitnavigator/serving/link';
import { LineWriter } from './line-writer.js';

// Every line, the request log's and pino's others, goes out through one batching writer
// (serving/line-writer.js), so they stay in order.
const out = new LineWriter(1);
export const logger = pino({ level: process.env.LOG_LEVEL || 'info', base: undefined }, out);

// One registry per process, shared with the app bundle (it imports the same prom-client).
client.collectDefaultMetrics();

const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * A request is counted in plain numbers here, and prom-client is handed the totals when
 * /metrics is scraped: its own `inc` and `observe` hash their labels on every call.
 * `pending`: requests not yet handed to the counter; `latency`: the series' duration
 * histogram, shared by the method and route's statuses (counts per bucket, not cumulative;
 * the last one is above every bucket).
 * @typedef {{ labels: { method: string, route: string }, counts: number[], sum: number, count: number }} LatencySeries
 * @typedef {{ method: string, route: string, status: string, json: string, pending: number, latency: LatencySeries }} Series
 */
/** @type {Map<string, Series>} */
const series = new Map();
/** @type {Map<string, LatencySeries>} */
const latencies = new Map();

new client.Counter({
	name: 'http_requests_total',
	help: 'HTTP requests answered, by method, route and status',
	labelNames: ['method', 'route', 'status'],
	collect() {
		for (const s of series.values()) {
			if (s.pending === 0) continue;
			this.labels(s.method, s.route, s.status).inc(s.pending);
			s.pending = 0;
		}
	}
});

// The histogram prom-client would keep, as a metric of the registry's own interface: the
// same name, help, type and series (buckets cumulative, with +Inf, _sum and _count).
const LATENCY = {
	name: 'http_request_duration_seconds',
	help: 'Time to answer an HTTP request, by method and route',
	type: 'histogram',
	aggregator: 'sum'
};
client.register.registerMetric(
	/** @type {client.Metric} */ (
		/** @type {unknown} */ ({
			...LATENCY,
			get() {
				const values = [];
				for (const { labels, counts, sum, count } of latencies.values()) {
					let below = 0;
					for (const [i, le] of BUCKETS.entries()) {
						below += counts[i];
						values.push({ labels: { le, ...labels }, value: below, metricName: 'http_request_duration_seconds_bucket' });
					}
					values.push(
						{ labels: { le: '+Inf', ...labels }, value: count, metricName: 'http_request_duration_seconds_bucket' },
						{ labels, value: sum, metricName: 'http_request_duration_seconds_sum' },
						{ labels, value: count, metricName: 'http_request_duration_seconds_count' }
					);
				}
				return { ...LATENCY, values };
			},
			reset() {
				latencies.clear();
				series.clear();
			}
		})
	)
);

/**
 * Each method, route and status's series, looked up once: routes are route ids and fixed
 * names, methods those Node's parser knows, so the maps stay small.
 */
function seriesOf(/** @type {string} */ method, /** @type {string} */ route, /** @type {number} */ status) {
	const key = `${method} ${status} ${route}`;
	let found = series.get(key);
	if (!found) {
		const latencyKey = `${method} ${route}`;
		let latency = latencies.get(latencyKey);
		if (!latency) {
			latency = { labels: { method, route }, counts: BUCKETS.map(() => 0).concat(0), sum: 0, count: 0 };
			latencies.set(latencyKey, latency);
		}
		found = { method, route, status: String(status), json: JSON.stringify(route), pending: 0, latency };
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

/** @typedef {import('node:http').IncomingMessage & { [ROUTE_ID]?: string | null }} Request */
/** @typedef {import('node:http').ServerResponse & { [STARTED]: number, [ID]: string, req: Request }} Observed */

/** Counts and logs one answered request. */
function record(/** @type {Observed} */ res, /** @type {boolean} */ aborted) {
	const ms = performance.now() - res[STARTED];
	const method = res.req.method ?? 'GET';
	const status = res.statusCode;
	const s = seriesOf(method, res.req[ROUTE_ID] ?? '(none)', status);
	s.pending++;
	const { latency } = s;
	const seconds = ms / 1000;
	let bucket = 0;
	while (bucket < BUCKETS.length && seconds > BUCKETS[bucket]) bucket++;
	latency.counts[bucket]++;
	latency.sum += seconds;
	latency.count++;
	if (!logRequests) return;
	out.write(
		`{"level":${INFO},"time":${Date.now()},"req":"${res[ID]}","method":"${method}","route":${s.json},"status":${status},"ms":${Math.round(ms * 10) / 10}${aborted ? ',"aborted":true' : ''}}\n`
	);
}

/**
 * Logs and counts a request once its response is closed (one listener shared by all
 * responses, no closure per request). The route is SvelteKit's route id, or what
 * server.js named it when the request never reached SvelteKit (static files).
 * @this {Observed}
 */
function closed() {
	record(this, !this.writableFinished);
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
	return id;
}

/** Logs and counts the request when its response closes: for answers that end later (SvelteKit's, static files, votes). */
export function observeClose(/** @type {import('node:http').ServerResponse} */ res) {
	res.on('close', closed);
}

/**
 * Logs and counts a request answered in full just now, with `res.end(…)` in the same
 * call (pages from memory): no listener. Aborted when the client was gone before the answer.
 * @param {import('node:http').ServerResponse} res
 * @param {string} route
 */
export function observeEnded(res, route) {
	const observed = /** @type {Observed} */ (res);
	observed.req[ROUTE_ID] = route;
	record(observed, observed.req.socket.destroyed);
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
