// Feedback writes against the database's own limit: POST /api/v1/guides/:slug/feedback
// through the built server at 16 and 64 connections, with the rate limit off and on
// (on: the default 20 per client and minute, each request from its own address as a proxy
// would forward it, so the limiter does its real round trip without one hot row), next to
// pgbench doing the bare single-row insert with the same concurrency on the same
// throwaway PostgreSQL database. Off and on alternate, ROUNDS rounds, medians kept: a
// shared machine drifts between runs. Wait events are sampled from pg_stat_activity during
// each run. Goal: p99 ≤ 25 ms at 16 connections. Then the embedded PGlite default.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import {
	PORTS,
	SECONDS,
	throwawayDatabase,
	postJson,
	requireBuild,
	requireTool,
	round,
	save,
	startApp,
	table,
	tempDir,
	wrk
} from './lib.mjs';

requireBuild();
requireTool('wrk', 'sudo apt-get install -y wrk');
requireTool('pgbench', 'sudo apt-get install -y postgresql (pgbench comes with the server package)');
const CONNECTIONS = [16, 64];
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const PATH = '/api/v1/guides/calf-cramps/feedback';
const VOTE = { lang: 'en', helpful: true, comment: 'benchmark' };
// One address of 65,536 per request (a header only; no traffic goes anywhere but loopback).
// LuaJIT's math.random starts from the same seed in every wrk thread and every run, so unseeded
// the threads and the rounds all walk the same addresses and push the first ones past the limit
// within the minute: each run and thread gets a seed of its own.
const fromManyClients = () => `${postJson(VOTE)}
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("seed", ${Math.floor(Math.random() * 1e9)} + threads * 7919)
end
init = function(args) math.randomseed(seed) end
request = function()
  wrk.headers["X-Forwarded-For"] = "10.9." .. math.random(0, 255) .. "." .. math.random(0, 255)
  return wrk.format()
end`;

/** pgbench inserting the same row as the API, prepared, `clients` at once; latencies from its log. */
function pgbench(url, clients) {
	const dir = tempDir('pgbench');
	const script = join(dir, 'vote.sql');
	writeFileSync(
		script,
		"insert into feedback (guide, lang, helpful, comment) values ('calf-cramps', 'en', true, 'benchmark') returning id;\n"
	);
	const out = execFileSync(
		'pgbench',
		[
			'-n',
			'-M',
			'prepared',
			'-c',
			String(clients),
			'-j',
			'2',
			'-T',
			String(SECONDS),
			'-f',
			script,
			'-l',
			'--log-prefix',
			join(dir, 'log'),
			url
		],
		{ encoding: 'utf8', timeout: (SECONDS + 30) * 1000 }
	);
	const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
	// Log lines: client_id transaction_no time_µs script_no epoch epoch_µs
	const latencies = readdirSync(dir)
		.filter((f) => f.startsWith('log'))
		.flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n'))
		.map((line) => Number(line.split(' ')[2]) / 1000)
		.sort((a, b) => a - b);
	const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
	return { rps: tps, p50ms: at(0.5), p99ms: at(0.99) };
}

/**
 * What the database's sessions were waiting on while `run` ran: pg_stat_activity sampled
 * every 20 ms, active sessions of `url`'s database only; "CPU" is an active session waiting
 * on nothing. Returns run's result and the share of each wait, largest first.
 */
async function withWaits(url, run) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	const seen = new Map();
	let samples = 0;
	let running = true;
	const sampling = (async () => {
		while (running) {
			const { rows } = await client.query(
				`select coalesce(wait_event_type || ':' || wait_event, 'CPU') as wait from pg_stat_activity
				 where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`
			);
			for (const { wait } of rows) seen.set(wait, (seen.get(wait) ?? 0) + 1);
			samples += rows.length;
			await new Promise((r) => setTimeout(r, 20));
		}
	})();
	try {
		const result = await run();
		return {
			result,
			waits: [...seen].sort((a, b) => b[1] - a[1]).map(([wait, n]) => ({ wait, share: round(n / Math.max(1, samples), 2) }))
		};
	} finally {
		running = false;
		await sampling;
		await client.end();
	}
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
const raw = [];
const database = await throwawayDatabase('feedback');
const url = database.url;
try {
	const runs = {};
	// Both start at once and share the database; migrations serialise on their advisory lock.
	const [off, on] = await Promise.all([
		startApp(PORTS.appPg, { DATABASE_URL: url }),
		startApp(PORTS.app2, { DATABASE_URL: url, FEEDBACK_RATE_LIMIT: '20', TRUST_PROXY: '1' })
	]);
	const apps = { off, on };
	try {
		for (const connections of CONNECTIONS) {
			for (const app of Object.values(apps)) await wrk(`${app.url}${PATH}`, { connections, seconds: 1, lua: fromManyClients() });
			runs[connections] = { off: [], on: [] };
			for (let i = 0; i < ROUNDS; i++) {
				for (const limit of ['off', 'on']) {
					const run = () => wrk(`${apps[limit].url}${PATH}`, { connections, lua: fromManyClients() });
					runs[connections][limit].push(await withWaits(url, run));
				}
			}
		}
	} finally {
		await Promise.all(Object.values(apps).map((app) => app.stop()));
	}
	// After the apps have closed their pools: 64 more sessions fit under max_connections.
	for (const connections of CONNECTIONS) {
		const limit = pgbench(url, connections);
		for (const rateLimit of ['off', 'on']) {
			const api = runs[connections][rateLimit].map((r) => r.result);
			rows.push({
				database: 'postgres',
				'rate limit': rateLimit,
				connections,
				'API votes/s': round(median(api.map((r) => r.rps))),
				'API p50 ms': round(median(api.map((r) => r.p50ms)), 2),
				'API p99 ms': round(median(api.map((r) => r.p99ms)), 2),
				'pgbench insert tx/s': round(limit.rps),
				'pgbench p99 ms': round(limit.p99ms, 2),
				'top waits (first round)': runs[connections][rateLimit][0].waits
					.slice(0, 2)
					.map((w) => `${w.wait} ${w.share}`)
					.join(', '),
				'non-2xx': api.reduce((n, r) => n + r.non2xx, 0)
			});
		}
		raw.push({ database: 'postgres', connections, runs: runs[connections], pgbench: limit });
	}
} finally {
	await database.drop();
}

const pglite = await startApp(PORTS.app, { DATA_DIR: tempDir('pglite') });
try {
	for (const connections of CONNECTIONS) {
		await wrk(`${pglite.url}${PATH}`, { connections, seconds: 1, lua: postJson(VOTE) });
		const api = await wrk(`${pglite.url}${PATH}`, { connections, lua: postJson(VOTE) });
		rows.push({
			database: 'pglite',
			'rate limit': 'off',
			connections,
			'API votes/s': round(api.rps),
			'API p50 ms': round(api.p50ms, 2),
			'API p99 ms': round(api.p99ms, 2),
			'non-2xx': api.non2xx
		});
		raw.push({ database: 'pglite', connections, api });
	}
} finally {
	await pglite.stop();
}
table(`Feedback writes: API (rate limit off/on, median of ${ROUNDS} alternated rounds) vs pgbench's bare insert; PGlite`, rows);
save('feedback', { path: PATH, goalP99ms: 25, rounds: ROUNDS, summary: rows, raw });
const at16 = rows.filter((r) => r.database === 'postgres' && r.connections === 16);
if (at16.some((r) => r['API p99 ms'] > 25)) process.exitCode = 1;
