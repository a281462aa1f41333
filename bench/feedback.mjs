// Feedback writes against the database's own limit: POST /api/v1/guides/:slug/feedback
// through the built server, next to pgbench doing the same single-row insert with the
// same concurrency on the same (throwaway) PostgreSQL database. Goal: ≥ 0.5 × pgbench
// with p99 ≤ 25 ms. Then the embedded PGlite default (votes/s and p99 only).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
const PATH = '/api/v1/guides/calf-cramps/feedback';
const VOTE = { lang: 'en', helpful: true, comment: 'benchmark' };

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

const rows = [];
const raw = [];
const database = await throwawayDatabase('feedback');
const url = database.url;
try {
	// The app migrates the empty database when it starts.
	const app = await startApp(PORTS.appPg, { DATABASE_URL: url });
	try {
		for (const connections of CONNECTIONS) {
			await wrk(`${app.url}${PATH}`, { connections, seconds: 1, lua: postJson(VOTE) });
			const api = await wrk(`${app.url}${PATH}`, { connections, lua: postJson(VOTE) });
			const limit = pgbench(url, connections);
			rows.push({
				database: 'postgres',
				connections,
				'API votes/s': round(api.rps),
				'API p50 ms': round(api.p50ms, 2),
				'API p99 ms': round(api.p99ms, 2),
				'pgbench tx/s': round(limit.rps),
				'pgbench p50 ms': round(limit.p50ms, 2),
				'pgbench p99 ms': round(limit.p99ms, 2),
				ratio: round(api.rps / limit.rps, 2),
				errors: api.errors
			});
			raw.push({ database: 'postgres', connections, api, pgbench: limit });
		}
	} finally {
		await app.stop();
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
			connections,
			'API votes/s': round(api.rps),
			'API p50 ms': round(api.p50ms, 2),
			'API p99 ms': round(api.p99ms, 2),
			errors: api.errors
		});
		raw.push({ database: 'pglite', connections, api });
	}
} finally {
	await pglite.stop();
}
table('Feedback writes: API vs pgbench on the same PostgreSQL (goal ratio ≥ 0.5, API p99 ≤ 25 ms); PGlite', rows);
save('feedback', { path: PATH, goalRatio: 0.5, goalP99ms: 25, summary: rows, raw });
