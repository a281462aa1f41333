// Feedback counts at scale: 10 million stored votes (seeded with generate_series in a
// throwaway PostgreSQL database, counts rebuilt the way migration 0002 does), then
// GET …/feedback/summary through the built server: p50/p95/p99. Goal: p95 ≤ 5 ms. Also
// the database time of the summary query against counting the rows (the old way), and
// pgbench of a vote with and without its count update (goal: ≥ 0.9 × without).
// SUMMARY_VOTES changes the number of seeded votes.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import {
	PORTS,
	SECONDS,
	throwawayDatabase,
	rebuildCounts,
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
requireTool('pgbench', 'sudo apt-get install -y postgresql');
const VOTES = Number(process.env.SUMMARY_VOTES || 10_000_000);
const GUIDE = 'calf-cramps';

function pgbench(statement, clients = 16) {
	const script = join(tempDir('pgbench'), 'vote.sql');
	writeFileSync(script, `${statement}\n`);
	const out = execFileSync(
		'pgbench',
		['-n', '-M', 'prepared', '-c', String(clients), '-j', '2', '-T', String(SECONDS), '-f', script, url],
		{
			encoding: 'utf8',
			timeout: (SECONDS + 60) * 1000
		}
	);
	return Number(/tps = ([\d.]+)/.exec(out)?.[1]);
}

const database = await throwawayDatabase('summary');
const url = database.url;
let app;
try {
	// The app migrates the empty database; stop it while seeding.
	app = await startApp(PORTS.appPg, { DATABASE_URL: url });
	await app.stop();
	const db = new pg.Client({ connectionString: url });
	await db.connect();
	const seedStarted = performance.now();
	await db.query('set synchronous_commit = off');
	// A bulk load: indexes built once afterwards instead of row by row (as a restore does).
	// Foreign keys to feedback (the desk's inbox status) hang on its primary key: set aside and put back.
	const { rows: references } = await db.query(
		`select conrelid::regclass as "table", conname as name, pg_get_constraintdef(oid) as definition
		 from pg_constraint where contype = 'f' and confrelid = 'feedback'::regclass`
	);
	for (const r of references) await db.query(`alter table ${r.table} drop constraint ${r.name}`);
	await db.query('alter table feedback drop constraint feedback_pkey');
	await db.query('drop index feedback_guide_idx');
	// Half the votes on the guide asked about, the rest over six others; one in three "no".
	await db.query(
		`insert into feedback (guide, lang, helpful, comment, created_at)
		 select case when i % 2 = 0 then '${GUIDE}' else 'guide-' || (i % 6) end,
		        case when i % 5 = 0 then 'ru' else 'en' end, i % 3 <> 0,
		        case when i % 50 = 0 then 'seeded comment ' || i end, now() - (i || ' seconds')::interval
		 from generate_series(1, $1::int) as i`,
		[VOTES]
	);
	await db.query('alter table feedback add primary key (id)');
	for (const r of references) await db.query(`alter table ${r.table} add constraint ${r.name} ${r.definition}`);
	await db.query('create index feedback_guide_idx on feedback using btree (guide, helpful)');
	await rebuildCounts((q) => db.query(q));
	await db.query('vacuum analyze feedback');
	await db.query('vacuum analyze feedback_counts');
	const seedSeconds = (performance.now() - seedStarted) / 1000;
	const { rows: size } = await db.query(`select pg_size_pretty(pg_total_relation_size('feedback')) as size`);

	const explain = async (query) => {
		const { rows } = await db.query(`explain (analyze, format json) ${query}`);
		return round(rows[0]['QUERY PLAN'][0]['Execution Time'], 3);
	};
	const countsQuery = `select helpful, sum(votes) from feedback_counts where guide = '${GUIDE}' group by helpful`;
	const rowsQuery = `select helpful, count(*) from feedback where guide = '${GUIDE}' group by helpful`;
	await explain(countsQuery);
	const countsMs = await explain(countsQuery);
	const rowsMs = await explain(rowsQuery);
	await db.end();

	app = await startApp(PORTS.appPg, { DATABASE_URL: url });
	const summaryUrl = `${app.url}/api/v1/guides/${GUIDE}/feedback/summary`;
	const check = await (await fetch(summaryUrl)).json();
	await wrk(summaryUrl, { connections: 4, seconds: 1 });
	// One connection: each request's own time, without queueing behind the others.
	const single = await wrk(summaryUrl, { connections: 1 });
	const http = await wrk(summaryUrl, { connections: 4 });
	// The same server's floor on this machine right now: an endpoint with no database at all.
	const floor = await wrk(`${app.url}/healthz`, { connections: 4 });
	await app.stop();
	app = undefined;

	const insert = `insert into feedback (guide, lang, helpful, comment) values ('${GUIDE}', 'en', true, 'benchmark') returning id;`;
	const withCount = `with vote as (insert into feedback (guide, lang, helpful, comment) values ('${GUIDE}', 'en', true, 'benchmark') returning id, guide, lang, helpful, created_at), counted as (insert into feedback_counts (guide, helpful, shard, votes) select guide, helpful, pg_backend_pid() % 64, 1 from vote on conflict (guide, helpful, shard) do update set votes = feedback_counts.votes + 1), weekly as (insert into feedback_weekly (week, guide, lang, helpful, shard, votes) select date_trunc('week', created_at at time zone 'UTC')::date, guide, lang, helpful, pg_backend_pid() % 64, 1 from vote on conflict (week, guide, lang, helpful, shard) do update set votes = feedback_weekly.votes + 1) select id from vote;`;
	// Alternated three times, the median of each kept: a shared machine drifts between runs.
	const median = (xs) => xs.sort((x, y) => x - y)[1];
	const plain = [];
	const counted = [];
	for (let i = 0; i < 3; i++) {
		plain.push(pgbench(insert));
		counted.push(pgbench(withCount));
	}
	const plainTps = median(plain);
	const countedTps = median(counted);

	const rows = {
		[`seed ${VOTES.toLocaleString('en')} votes`]: `${round(seedSeconds, 1)} s`,
		'summary answer': JSON.stringify(check),
		'feedback table with indexes': size[0].size,
		'summary over HTTP, 1 connection': `${single.rps} req/s, p50 ${single.p50ms} ms, p95 ${single.p95ms} ms, p99 ${single.p99ms} ms (goal p95 ≤ 5 ms)`,
		'summary over HTTP, 4 connections': `${http.rps} req/s, p50 ${http.p50ms} ms, p95 ${http.p95ms} ms, p99 ${http.p99ms} ms`,
		'/healthz on the same server (no database: the floor)': `${floor.rps} req/s, p95 ${floor.p95ms} ms`,
		'database time: counts table': `${countsMs} ms`,
		'database time: count(*) over the rows (old way)': `${rowsMs} ms`,
		'pgbench vote, 16 clients, median of 3: insert only / with its count': `${round(plainTps)} / ${round(countedTps)} tx/s (${round(countedTps / plainTps, 2)}; goal ≥ 0.9)`
	};
	table(`Feedback summary at ${VOTES.toLocaleString('en')} stored votes (PostgreSQL)`, rows);
	save('summary', {
		votes: VOTES,
		seedSeconds,
		tableSize: size[0].size,
		single,
		http,
		floor,
		countsMs,
		rowsMs,
		plain,
		counted,
		plainTps,
		countedTps,
		answer: check
	});
	if (single.p95ms > 5 || countedTps < 0.9 * plainTps) process.exitCode = 1;
} finally {
	await app?.stop();
	await database.drop();
}
