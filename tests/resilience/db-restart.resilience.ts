// Database restart under load: while PostgreSQL is down the app answers 503 on /readyz
// and on writes (fast: never a hang, a 500 or a crash), and once PostgreSQL is back it
// recovers by itself, without a process restart, within 5 s.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCluster, postgresBinDir, type Cluster } from './postgres-cluster';
import { PORTS } from './ports';
import { startApp, timedFetch, vote, type RunningApp } from './harness';

const APP_PORT = PORTS.dbRestart.app;
const PG_PORT = PORTS.dbRestart.postgres;
const HANG_LIMIT_MS = 5_000;

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

it.runIf(bin)('answers 503 while PostgreSQL is down and recovers within 5 s of its return', async () => {
	// Load: writers keep posting through the whole outage; every answer must be 201 or 503.
	const statuses = new Map<number, number>();
	let running = true;
	const writers = Array.from({ length: 4 }, async () => {
		while (running) {
			const { res } = await post();
			await res.arrayBuffer();
			statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
		}
	});
	await new Promise((r) => setTimeout(r, 500));

	cluster.stop();
	const down = await Promise.all([ready(), post(), post()]);
	for (const { res, ms } of down) {
		expect(res.status).toBe(503);
		expect(res.headers.get('retry-after')).toBeTruthy();
		expect(ms).toBeLessThan(HANG_LIMIT_MS);
	}
	expect((await down[1].res.json()).error.code).toBe('unavailable');
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
	await new Promise((r) => setTimeout(r, 1_000));
	expect((await timedFetch(`${app.url}/healthz`)).res.status).toBe(200);

	cluster.start();
	const back = Date.now();
	let recoveredMs = -1;
	while (Date.now() - back < 10_000) {
		const [r, w] = await Promise.all([ready(), post()]);
		if (r.res.status === 200 && w.res.status === 201) {
			recoveredMs = Date.now() - back;
			break;
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	running = false;
	await Promise.all(writers);
	console.log(`recovered ${recoveredMs} ms after PostgreSQL returned; answers under load: ${JSON.stringify(Object.fromEntries(statuses))}`);
	expect(recoveredMs).toBeGreaterThanOrEqual(0);
	expect(recoveredMs).toBeLessThanOrEqual(5_000);
	expect([...statuses.keys()].sort()).toEqual([201, 503]);
	expect(app.process.exitCode).toBeNull();
});
