// The floor under bench/guide-floor.mjs: a bare Node HTTP server answering every request
// with the guide's bytes and headers as the app sends them (FLOOR_HEADERS, JSON pairs), and
// with `observed` also one pino line and one prom-client histogram observation per request,
// as cheaply as those libraries allow. What server.js does beyond this is ours to cut.
import http from 'node:http';
import { readFileSync } from 'node:fs';

const [mode, port, file] = process.argv.slice(2);
const body = readFileSync(file);
const headers = JSON.parse(process.env.FLOOR_HEADERS ?? '[]').flat();

let answer = (/** @type {http.ServerResponse} */ res) => res.writeHead(200, headers).end(body);
if (mode === 'observed') {
	const { default: pino } = await import('pino');
	const { default: client } = await import('prom-client');
	const logger = pino({ base: undefined }, pino.destination({ dest: 1, sync: false, minLength: 4096 }));
	const latency = new client.Histogram({ name: 'floor_seconds', help: 'floor', labelNames: ['route'] }).labels('(prerendered)');
	const bare = answer;
	answer = (res) => {
		const started = performance.now();
		bare(res);
		const ms = performance.now() - started;
		latency.observe(ms / 1000);
		logger.info({ route: '(prerendered)', status: 200, ms });
	};
}
http.createServer((_req, res) => answer(res)).listen(Number(port), '127.0.0.1');
