// Where the guide page's floor is: nginx, a bare Node server sending the same bytes and
// headers (bench/guide-floor-server.mjs), the same with one pino line and one histogram
// observation per request, and the built server (server.js) — same wrk, same connections,
// alternated round by round, medians kept. Besides req/s it reports each server's CPU per
// request (µs, from /proc), the figure a busy machine disturbs least.
// GUIDE_BASELINE=<dir holding an older server.js and serving/, with build/ and node_modules
// linked from here> adds that server as one more row, to compare old and new in one run.
// Its serving/link.js must be a link to this one: serving/ is the package
// @fitnavigator/serving, so its own files import themselves by name, and a copy of link.js
// would be a second module, whose route-id symbol the app never sets (every route "(none)").
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
	ROOT,
	PORTS,
	cpuMicros,
	requireBuild,
	requireTool,
	round,
	save,
	sleep,
	startApp,
	startNginx,
	table,
	tempDir,
	waitFor,
	wrk
} from './lib.mjs';

requireBuild();
requireTool('wrk', 'sudo apt-get install -y wrk');
requireTool('nginx', 'sudo apt-get install -y nginx-light');

const PATH = '/en/guides/calf-cramps';
const FILE = join(ROOT, 'build/prerendered/en/guides/calf-cramps.html');
const CONNECTIONS = Number(process.env.GUIDE_CONNECTIONS || 64);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** bench/guide-floor-server.mjs in `mode` on `port`, sending `headers` with the page. */
async function startFloor(mode, port, headers) {
	const child = spawn(process.execPath, [join(ROOT, 'bench/guide-floor-server.mjs'), mode, String(port), FILE], {
		cwd: ROOT,
		env: { ...process.env, FLOOR_HEADERS: JSON.stringify(headers) },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	await waitFor(`http://127.0.0.1:${port}${PATH}`, 10_000);
	return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => new Promise((r) => child.once('exit', r).kill('SIGTERM')) };
}

const servers = {};
const runs = {};
try {
	servers.app = await startApp(PORTS.app, { DATA_DIR: tempDir('guide-floor') });
	if (process.env.GUIDE_BASELINE) {
		const child = spawn(process.execPath, ['server.js'], {
			cwd: process.env.GUIDE_BASELINE,
			env: { ...process.env, HOST: '127.0.0.1', PORT: String(PORTS.app2), FEEDBACK_RATE_LIMIT: '0', DATA_DIR: tempDir('guide-baseline') },
			stdio: ['ignore', 'ignore', 'inherit']
		});
		servers.baseline = {
			url: `http://127.0.0.1:${PORTS.app2}`,
			pid: child.pid,
			stop: () => new Promise((r) => child.once('exit', r).kill('SIGTERM'))
		};
		await waitFor(`${servers.baseline.url}/readyz`, 180_000);
	}
	// The floor sends exactly what the app sends for this page (minus Date and the connection
	// headers Node adds itself); wrk sends no Accept-Encoding, so the page goes out as it is.
	const sample = await fetch(`${servers.app.url}${PATH}`, { headers: { 'accept-encoding': 'identity' } });
	const headers = [...sample.headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name));
	servers.bare = await startFloor('bare', PORTS.soak, headers);
	servers['bare + log + metric'] = await startFloor('observed', PORTS.nginxTls, headers);
	const nginx = await startNginx(PORTS.nginx, { [PATH]: FILE });
	servers.nginx = { url: `http://127.0.0.1:${PORTS.nginx}`, pid: nginx.pid, stop: () => nginx.stop() };

	for (const [name, server] of Object.entries(servers)) {
		runs[name] = [];
		await wrk(`${server.url}${PATH}`, { connections: CONNECTIONS, seconds: 1 });
	}
	for (let i = 0; i < ROUNDS; i++)
		for (const [name, server] of Object.entries(servers)) {
			const before = cpuMicros(server.pid);
			const result = await wrk(`${server.url}${PATH}`, { connections: CONNECTIONS });
			// The app's log lines are written after the answers: let the queue drain into the figure.
			await sleep(200);
			runs[name].push({ ...result, cpuUsPerRequest: (cpuMicros(server.pid) - before) / result.requests });
		}
} finally {
	await Promise.all(Object.values(servers).map((s) => s.stop()));
}
const nginxRps = median(runs.nginx.map((r) => r.rps));
const rows = Object.entries(runs).map(([name, list]) => ({
	server: name,
	'req/s': round(median(list.map((r) => r.rps))),
	'÷ nginx': round(median(list.map((r) => r.rps)) / nginxRps, 2),
	'CPU µs/req': round(median(list.map((r) => r.cpuUsPerRequest)), 1),
	'p99 ms': round(median(list.map((r) => r.p99ms)), 2),
	errors: list.reduce((n, r) => n + r.errors, 0)
}));
table(`Guide page ${PATH}: floor vs app, c${CONNECTIONS}, median of ${ROUNDS} alternated rounds`, rows);
save('guide-floor', { path: PATH, connections: CONNECTIONS, summary: rows, raw: runs });
