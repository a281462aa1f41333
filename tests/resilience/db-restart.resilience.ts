// Database restart under load: while PostgreSQL is down the app answers 503 on /readyz,
// on writes and on the summary (never a hang, a 500 or a crash), and once PostgreSQL is
// back it recovers by itself, without a process restart. Every step waits on a
// condition, not a clock; the recovery time is reported, not asserted (it depends on
// how busy the machine is).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCluster, postgresBinDir, type Cluster } from './postgres-cluster';
import { PORTS } from './ports';
import { startApp, timedFetch, vote, type RunningApp } from './harness';

const APP_PORT = PORTS.dbRestart.app;
const PG_PORT = PORTS.dbRestart.postgres;
// A request still unanswered after this long is a hang (the pool gives up connecting after 2 s).
const HANG_LIMIT_MS = 15_000;
const RECOVERY_LIMIT_MS = 60_000;

const bin = postgresBinDir();
if (!bin)
	console.log('Database-restart test skipped: no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql).');

let cluster: Cluster;
let app: RunningApp;
beforeAll(async () => {
	if (!bin) return;
	cluster = createCluster(PG_PORT, bin);
	app = await startApp(APP_PORT, { DATABASE_URL: cluster.url });
});
afterAll(async () => {
	await app?.stop();
	cluster?.destroy();
});

const post = () => timedFetch(`${app.url}/api/v1/guides/calf-cramps/feedback`, vote('during a restart'), HANG_LIMIT_MS);
const ready = () => timedFetch(`${app.url}/readyz`, {}, HANG_LIMIT_MS);
const summary = () => timedFetch(`${app.url}/api/v1/guides/calf-cramps/feedback/summary`, {}, HANG_LIMIT_MS);

/** Resolves once `condition` holds, checking every 50 ms; fails the test after `limitMs`. */
async function until(what: string, condition: () => boolean | Promise<boolean>, limitMs = RECOVERY_LIMIT_MS) {
	const deadline = Date.now() + limitMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

it.runIf(bin)('answers 503 while PostgreSQL is down and recovers by itself once it is back', async () => {
	// Load: writers keep posting through the whole outage; every answer must be 201 or 503.
	const statuses = new Map<number, number>();
	const seen = (status: number) => statuses.get(status) ?? 0;
	let running = true;
	const writers = Array.from({ length: 4 }, async () => {
		while (running) {
			const { res } = await post();
			await res.arrayBuffer();
			statuses.set(res.status, seen(res.status) + 1);
		}
	});
	await until('votes stored before the outage', () => seen(201) >= 20);

	cluster.stop();
	const down = await Promise.all([ready(), post(), post(), summary()]);
	for (const { res } of down) {
		expect(res.status).toBe(503);
		expect(res.headers.get('retry-after')).toBeTruthy();
	}
	expect((await down[1].res.json()).error.code).toBe('unavailable');
	expect((await down[3].res.json()).error.code).toBe('unavailable');
	// The no-JavaScript form says so too, keeping what the reader typed.
	const form = await timedFetch(
		`${app.url}/en/guides/calf-cramps/feedback`,
		{
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url, accept: 'text/html' },
			body: 'helpful=no&comment=typed+during+the+outage'
		},
		HANG_LIMIT_MS
	);
	expect(form.res.status).toBe(503);
	const page = await form.res.text();
	expect(page).toContain('role="alert"');
	expect(page).toContain('typed during the outage');
	// The writers, too, have been refused for a while; the process is still up.
	const refusedBefore = seen(503);
	await until('writers refused during the outage', () => seen(503) >= refusedBefore + 8);
	expect((await timedFetch(`${app.url}/healthz`)).res.status).toBe(200);

	cluster.start();
	const back = Date.now();
	const storedBefore = seen(201);
	await until('ready and storing votes again', async () => {
		const [r, w] = await Promise.all([ready(), post()]);
		return r.res.status === 200 && w.res.status === 201;
	});
	const recoveredMs = Date.now() - back;
	await until('the writers storing votes again', () => seen(201) >= storedBefore + 20);
	running = false;
	await Promise.all(writers);
	console.log(`recovered ${recoveredMs} ms after PostgreSQL returned; answers under load: ${JSON.stringify(Object.fromEntries(statuses))}`);
	expect([...statuses.keys()].sort()).toEqual([201, 503]);
	expect(app.process.exitCode).toBeNull();
});
