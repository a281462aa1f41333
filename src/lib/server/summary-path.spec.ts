import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The app's own database (appDatabase reads DATA_DIR): an embedded PGlite in a folder of its own.
const dataDir = mkdtempSync(join(tmpdir(), 'fn-summary-path-'));
process.env.DATA_DIR = dataDir;
const { appDatabase, closeAppDatabase } = await import('./db/app');
const { recordFeedback } = await import('./feedback');
const { serveSummary } = await import('./summary-path');

describe('the feedback summary before SvelteKit', () => {
	let server: http.Server;
	let base: string;
	beforeAll(async () => {
		server = http.createServer((req, res) => {
			if (!serveSummary(req, res)) res.writeHead(418).end('not mine');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		await new Promise((resolve) => server.close(resolve));
		await closeAppDatabase();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('shows each vote in the very next summary', async () => {
		const url = `${base}/api/v1/guides/calf-cramps/feedback/summary`;
		const first = await fetch(url);
		expect(first.status).toBe(200);
		expect(first.headers.get('content-type')).toMatch(/^application\/json/);
		const before = (await first.json()) as { yes: number; no: number };
		const { db } = await appDatabase();
		for (const helpful of [true, false, true]) {
			await recordFeedback(db, 'calf-cramps', { lang: 'en', helpful });
			const now = (await (await fetch(url)).json()) as { yes: number; no: number };
			before[helpful ? 'yes' : 'no'] += 1;
			expect(now).toEqual(before);
		}
	});

	it('answers an unknown guide 404 with the API error shape', async () => {
		const res = await fetch(`${base}/api/v1/guides/no-such-guide/feedback/summary`);
		expect(res.status).toBe(404);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
	});

	it('leaves every other request to the app', async () => {
		for (const [method, path] of [
			['POST', '/api/v1/guides/calf-cramps/feedback/summary'],
			['GET', '/api/v1/guides/calf-cramps/feedback'],
			['GET', '/api/v1/guides/calf-cramps/feedback/summary/extra']
		]) {
			expect((await fetch(`${base}${path}`, { method })).status, `${method} ${path}`).toBe(418);
		}
	});
});
