// A production install: a copy of the build and what it runs with, `npm ci --omit=dev --omit=optional`
// (no Vite, no SvelteKit tooling, no adapter), `.env` read by `npm start`, and the app
// serves pages, forms and the API from there.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PORTS } from './ports';

const port = PORTS.productionInstall;
const url = `http://127.0.0.1:${port}`;
// What a deployment copies next to build/ (see README "Deploy").
// serving/ reads the message catalogs (the 431 page), as the build reads content at build time.
const SHIPPED = [
	'build',
	'server.js',
	'serving',
	'policy',
	'messages',
	'scripts/start.mjs',
	'drizzle',
	'package.json',
	'package-lock.json'
];

let dir: string;
let stop: () => Promise<void> = async () => {};
let log = '';

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'fitnavigator-production-'));
	for (const path of SHIPPED) cpSync(path, join(dir, path), { recursive: true, preserveTimestamps: true });
	const install = spawnSync(
		'npm',
		['ci', '--omit=dev', '--omit=optional', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'],
		{
			cwd: dir,
			encoding: 'utf8'
		}
	);
	if (install.status !== 0) throw new Error(`npm ci --omit=dev --omit=optional failed:\n${install.stderr}`);
	// The port comes from .env alone: proves `npm start` reads it.
	writeFileSync(join(dir, '.env'), `PORT=${port}\nHOST=127.0.0.1\nDATA_DIR=${join(dir, 'data')}\n`);
	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const name of ['PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL']) delete env[name];
	// Its own process group, so stopping it stops npm, start.mjs and server.js together.
	const child = spawn('npm', ['start'], { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout!.on('data', (d) => (log += d));
	child.stderr!.on('data', (d) => (log += d));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	stop = async () => {
		if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
		await exited;
	};
	const deadline = Date.now() + 60_000;
	while (
		!(await fetch(`${url}/readyz`).then(
			(r) => r.ok,
			() => false
		))
	) {
		if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not serve:\n${log}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}, 180_000);

afterAll(async () => {
	await stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

it('has no dev dependency installed', () => {
	for (const dev of ['vite', '@sveltejs/kit', '@sveltejs/adapter-node', 'svelte', 'drizzle-kit', 'vitest'])
		expect(existsSync(join(dir, 'node_modules', dev)), dev).toBe(false);
});

it('serves prerendered and rendered pages, the form post and the JSON API', async () => {
	expect((await fetch(`${url}/en/guides/calf-cramps`)).status).toBe(200);
	expect((await fetch(`${url}/ru/check`)).status).toBe(200);
	const vote = await fetch(`${url}/api/v1/guides/calf-cramps/feedback`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ lang: 'en', helpful: true })
	});
	expect(vote.status).toBe(201);
	const form = await fetch(`${url}/en/guides/calf-cramps/feedback`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url },
		body: 'helpful=yes'
	});
	expect(form.status).toBe(200);
	expect(await (await fetch(`${url}/api/v1/guides/calf-cramps/feedback/summary`)).json()).toEqual({ yes: 2, no: 0 });
	expect(log).not.toMatch(/ERR_MODULE_NOT_FOUND|Building FitNavigator/);
});
