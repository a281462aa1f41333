// The feedback inbox with 1 million stored comments on PostgreSQL: the first page, a
// filter (guide + language + status) and a full-text search, each timed over repeated
// runs with the exact SQL the desk sends (src/lib/server/desk/inbox.ts). Budget: p95 ≤ 50 ms.
// `node bench/inbox.mjs [--rows 1000000] [--runs 40]`; needs TEST_DATABASE_URL (or
// postgres://postgres@127.0.0.1:5432/test) and creates and drops its own database.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '40' } } });
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);
const BUDGET_MS = 50;
const server = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const name = `fn_bench_inbox_${process.pid}`;

const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(server);
url.pathname = `/${name}`;
const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
try {
	await migrate(drizzle(pool), { migrationsFolder: 'drizzle' });
	const started = Date.now();
	// Comments from a small vocabulary, so searches hit a realistic share of rows; one in
	// ten answers is "helpful" (not in the inbox); a few hundred are already read.
	await pool.query(
		`insert into feedback (guide, lang, helpful, comment, created_at)
		 select (array['calf-cramps','night-leg-cramps','swimming-cramps','footwear-and-flat-feet','hydration-and-electrolytes'])[1 + i % 5],
		        (array['en','ru'])[1 + i % 2], i % 10 = 0,
		        (array['more pictures','the stretch hurt','too long','which doctor','cramps at night','unclear dose','судорога ночью','не понял упражнение'])[1 + i % 8]
		          || ' ' || md5(i::text),
		        now() - (i || ' seconds')::interval
		 from generate_series(1, $1) as i`,
		[ROWS]
	);
	await pool.query(
		`insert into feedback_status (feedback_id, status) select id, 'read' from feedback where not helpful order by created_at desc offset 100 limit 500`
	);
	await pool.query('analyze');
	console.log(`seeded ${ROWS} answers in ${((Date.now() - started) / 1000).toFixed(1)} s`);

	const select = `select f.id, f.guide, f.lang, f.comment, f.created_at, coalesce(s.status, 'new') as status
		from feedback f left join feedback_status s on s.feedback_id = f.id where f.helpful = false`;
	const order = ` order by f.created_at desc, f.id desc limit 51`;
	const queries = {
		'first page': [`${select}${order}`, []],
		'filter: guide, language, status new': [
			`${select} and f.guide = $1 and f.lang = $2 and not exists (select 1 from feedback_status x where x.feedback_id = f.id and x.status <> 'new')${order}`,
			['swimming-cramps', 'ru']
		],
		'search: "unclear dose"': [
			`${select} and to_tsvector('simple', coalesce(f.comment, '')) @@ plainto_tsquery('simple', $1)${order}`,
			['unclear dose']
		],
		'search, rare word': [
			`${select} and to_tsvector('simple', coalesce(f.comment, '')) @@ plainto_tsquery('simple', $1)${order}`,
			['c4ca4238a0b923820dcc509a6f75849b']
		]
	};
	const rows = [];
	let missed = false;
	for (const [label, [text, params]] of Object.entries(queries)) {
		const times = [];
		for (let i = 0; i < RUNS + 3; i++) {
			const t = process.hrtime.bigint();
			await pool.query(text, params);
			if (i >= 3) times.push(Number(process.hrtime.bigint() - t) / 1e6);
		}
		times.sort((a, b) => a - b);
		const p95 = times[Math.ceil(times.length * 0.95) - 1];
		missed ||= p95 > BUDGET_MS;
		rows.push({
			query: label,
			'p50 ms': times[Math.floor(times.length / 2)].toFixed(1),
			'p95 ms': p95.toFixed(1),
			budget: p95 <= BUDGET_MS ? 'met' : 'MISSED'
		});
	}
	console.log(`\nInbox on PostgreSQL, ${ROWS} answers, ${RUNS} runs each (${new Date().toISOString().slice(0, 10)})`);
	console.table(rows);
	process.exitCode = missed ? 1 : 0;
} finally {
	await pool.end();
	await admin.query(`drop database if exists ${name} with (force)`);
	await admin.end();
}
