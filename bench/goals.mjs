// `npm run bench:goals`: every figure of issue 18's table in one run, each against its goal,
// on the built app (run `npm run build` first; the npm script does). The benchmarks that
// measure each figure run in turn as they are (bench/guide.mjs at 64 connections,
// feedback.mjs, summary.mjs, diary.mjs), each writing its own JSON; this reads them back,
// adds the first-aid JavaScript weight from the build, prints one table with goal and
// pass, and writes bench/results/goals.json. A benchmark that fails or times out is a
// missed goal, never a stop. Knobs for a trial on a busy machine: SUMMARY_VOTES (10 M),
// DIARY_EPISODES (5,000), BENCH_SECONDS (5 per wrk round).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS, ROOT, builtWeight, requireBuild, round, save, table } from './lib.mjs';

requireBuild();
const started = new Date();
const VOTES = Number(process.env.SUMMARY_VOTES || 10_000_000);
const EPISODES = Number(process.env.DIARY_EPISODES || 5000);
const MINUTES = 60_000;

/**
 * Runs bench/<name>.mjs and returns its fresh results, or why there are none. A run that
 * leaves none is tried once more: a shared PostgreSQL server may end a session under it.
 */
function run(name, { args = [], env = {}, limitMs }, attempt = 1) {
	console.log(`\n▶ bench/${name}.mjs ${args.join(' ')}${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
	const child = spawnSync(process.execPath, [`bench/${name}.mjs`, ...args], {
		cwd: ROOT,
		stdio: 'inherit',
		env: { ...process.env, ...env },
		timeout: limitMs,
		killSignal: 'SIGTERM'
	});
	const file = join(RESULTS, `${name}.json`);
	const saved = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
	// A file left by an earlier run says nothing about this one.
	if (!saved || new Date(saved.measuredAt) < started) {
		if (attempt === 1) return run(name, { args, env, limitMs }, 2);
		return { error: child.error ? String(child.error.message) : `no results (exit ${child.status ?? child.signal})` };
	}
	return { saved };
}

const figures = [];
/** One row: what, the goal, the figure, whether it meets the goal (undefined: not measured). */
const figure = (what, goal, value, pass, detail = '') => figures.push({ what, goal, value, pass, detail });

const guide = run('guide', { env: { GUIDE_CONNECTIONS: '64' }, limitMs: 3 * MINUTES });
const at64 = guide.saved?.summary.find((r) => r.connections === 64);
figure(
	'guide req/s ÷ nginx (1 worker each, wrk c64, 3 alternating pairs, logs on)',
	'≥ 0.8',
	at64?.ratio ?? guide.error,
	at64 && at64.ratio >= 0.8,
	at64 && `${at64['node req/s']} / ${at64['nginx req/s']} req/s`
);

const votes = run('feedback', { limitMs: 5 * MINUTES });
for (const connections of [16, 64])
	for (const limit of ['off', 'on']) {
		const row = votes.saved?.summary.find((r) => r.database === 'postgres' && r.connections === connections && r['rate limit'] === limit);
		const goal = connections === 16 ? 25 : undefined;
		figure(
			`vote on PostgreSQL, ${connections} connections, rate limit ${limit}: p99 ms`,
			goal ? `≤ ${goal}` : 'reported',
			row?.['API p99 ms'] ?? votes.error,
			row && (goal === undefined || row['API p99 ms'] <= goal),
			row && `${row['API votes/s']} votes/s, pgbench bare insert ${row['pgbench insert tx/s']} tx/s`
		);
	}

// What the first screen loads up front, from the build (the page is prerendered).
const firstAid = join(ROOT, 'build/prerendered/en/first-aid.html');
const js = existsSync(firstAid) ? round(builtWeight(readFileSync(firstAid)).js.gzip / 1024, 1) : undefined;
figure('first-aid JavaScript, gzip KB', '≤ 40', js ?? 'no build/prerendered/en/first-aid.html', js !== undefined && js <= 40);

const diary = run('diary', { args: ['--episodes', String(EPISODES)], limitMs: 3 * MINUTES });
const both = diary.saved?.results['statistics + monitor, all episodes'];
figure(
	`diary statistics + monitor, ${EPISODES.toLocaleString('en')} episodes: median ms`,
	'≤ 20',
	both?.medianMs ?? diary.error,
	both && both.medianMs <= 20,
	both && `p95 ${both.p95Ms} ms`
);

const summary = run('summary', { env: { SUMMARY_VOTES: String(VOTES) }, limitMs: 8 * MINUTES });
const single = summary.saved?.single;
figure(
	`feedback summary over HTTP, ${VOTES.toLocaleString('en')} votes, 1 connection: p95 ms`,
	'≤ 5',
	single?.p95ms ?? summary.error,
	single && single.p95ms <= 5,
	single && `p50 ${single.p50ms} ms, ${single.rps} req/s; /healthz p95 ${summary.saved.floor.p95ms} ms`
);

const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
table(
	`Issue 18's goals, ${started.toISOString()} (load average now ${load}; on a busy machine read the ratios, not the absolutes)`,
	figures.map((f) => ({ ...f, pass: f.pass === undefined ? '—' : f.pass ? 'yes' : 'NO' }))
);
const minutes = round((Date.now() - started.getTime()) / MINUTES, 1);
console.log(`${minutes} min`);
save('goals', { startedAt: started.toISOString(), minutes, votes: VOTES, episodes: EPISODES, figures });
if (!figures.every((f) => f.pass)) process.exitCode = 1;
