// Two app processes on one PostgreSQL behind the shipped nginx config: started at the
// same moment on an empty database (one applies the migrations, the other waits for
// it), one rate limit for both, and one of them killed under vote load with every
// acknowledged vote still stored while nginx sends the rest to the other.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThrowawayDatabase } from '../../src/lib/server/db/testing';
import { startApp, type RunningApp } from './harness';
import { NGINX, startNginx, type Nginx } from './nginx';
import { PORTS } from './ports';

const { https, http, apps: APP_PORTS } = PORTS.instances;
const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) console.log('Two-instance tests skipped: TEST_DATABASE_URL is not set.');
if (!NGINX) console.log('Two-instance tests skipped: nginx is not installed (apt-get install nginx-light; .ci/run does).');

const PROXIED = { PROTOCOL_HEADER: 'x-forwarded-proto', HOST_HEADER: 'x-forwarded-host', TRUST_PROXY: '1' };
const VOTE = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lang: 'en', helpful: true }) };
const WRITERS = 8;

describe.runIf(serverUrl && NGINX)('two instances behind nginx on one PostgreSQL', () => {
	let database: { url: string; drop(): Promise<void> };
	let proxy: Nginx;
	let apps: RunningApp[] = [];
	const startBoth = (env: Record<string, string>) =>
		Promise.all(APP_PORTS.map((port) => startApp(port, { DATABASE_URL: database.url, ...PROXIED, ...env })));
	const stopAll = async () => {
		await Promise.all(apps.map((app) => app.stop()));
		apps = [];
	};
	const query = async <T extends pg.QueryResultRow>(text: string) => {
		const client = new pg.Client({ connectionString: database.url });
		await client.connect();
		try {
			return (await client.query<T>(text)).rows;
		} finally {
			await client.end();
		}
	};

	beforeAll(async () => {
		database = await createThrowawayDatabase(serverUrl!);
		proxy = await startNginx({ https, http }, [...APP_PORTS]);
	});
	afterAll(async () => {
		await stopAll();
		await proxy?.stop();
		await database?.drop();
	});

	it('start together on an empty database: each migration applied once, both serve', async () => {
		apps = await startBoth({ FEEDBACK_RATE_LIMIT: '6' });
		const applied = await query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
		const files = await query<{ n: number }>(
			`select count(*)::int as n from information_schema.tables where table_name = 'feedback_counts'`
		);
		expect(applied[0].n).toBe(JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')).entries.length);
		expect(files[0].n).toBe(1);
		for (const app of apps) expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
	});

	it('share one rate limit: 6 votes a minute in all, not 6 per instance', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 10; i++) statuses.push((await proxy.request('/api/v1/guides/calf-cramps/feedback', VOTE)).status);
		expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 429, 429, 429, 429]);
		// Both instances answered some of them (nginx balanced), so the window really is shared.
		// The log is written in batches (serving/line-writer.js), so the lines are waited for.
		const votesLogged = () => apps.map((app) => app.output().match(/"route":"\/api\/v1\/guides\/\[slug\]\/feedback"/g)?.length ?? 0);
		await expect.poll(() => votesLogged().reduce((a, b) => a + b, 0), { timeout: 5_000 }).toBe(10);
		expect(votesLogged().every((n) => n > 0)).toBe(true);
		await stopAll();
	});

	it('loses no acknowledged vote when one instance is killed under load', async () => {
		// An earlier test that failed before its own stop must not leave its instances (and their rate limit) on these ports.
		await stopAll();
		apps = await startBoth({ FEEDBACK_RATE_LIMIT: '0' });
		const acknowledged = new Set<string>();
		const statuses = new Map<number, number>();
		let afterKill = 0;
		let killed = false;
		// A bound, so that a broken instance fails this test with its answers instead of a timeout.
		let sent = 0;
		const writer = async () => {
			while (afterKill < 300 && sent++ < 5_000) {
				const reply = await proxy.request('/api/v1/guides/calf-cramps/feedback', VOTE).catch(() => ({ status: 0, body: '' }));
				statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
				if (reply.status !== 201) continue;
				acknowledged.add(JSON.parse(reply.body).id);
				if (killed) afterKill++;
				else if (acknowledged.size >= 200) {
					killed = true;
					apps[0].process.kill('SIGKILL');
				}
			}
		};
		await Promise.all(Array.from({ length: WRITERS }, writer));
		const stored = new Set((await query<{ id: string }>('select id::text as id from feedback')).map((r) => r.id));
		const lost = [...acknowledged].filter((id) => !stored.has(id));
		console.log(
			`two instances, one killed: ${acknowledged.size} acknowledged (${afterKill} after the kill), ${stored.size} stored, ` +
				`${lost.length} lost; answers ${JSON.stringify(Object.fromEntries(statuses))}`
		);
		expect(lost).toEqual([]);
		expect(afterKill).toBeGreaterThanOrEqual(300);
		// Only votes already sent to the killed process may fail (502: in flight, or on one
		// of nginx's idle keep-alive connections to it, at most 32); never a 500 or 503.
		expect([...statuses.keys()].filter((s) => s !== 201 && s !== 502)).toEqual([]);
		expect(statuses.get(502) ?? 0).toBeLessThanOrEqual(WRITERS + 32);
		expect(apps[1].process.exitCode).toBeNull();
		// The counts the summary reads match the rows exactly.
		const summary = JSON.parse((await proxy.request('/api/v1/guides/calf-cramps/feedback/summary')).body);
		expect(summary.yes).toBe(stored.size);
	});
});
