// Runs the built server (node server.js) as a child process on a loopback port, with
// either PGlite in a temp folder or a throwaway PostgreSQL database, and reads what
// it stored once it has stopped. Needs `npm run build` first.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { inject } from 'vitest';
import { adapterEnv } from '../../serving/adapter-env.js';
import { openDatabase } from '../../src/lib/server/db/index';
import { createThrowawayDatabase } from '../../src/lib/server/db/testing';
import { copyTemplate } from '../support/pglite-template';

if (!existsSync('build/handler.js')) throw new Error('Resilience tests serve the build: run `npm run build` first.');

export type StoredVote = { id: string; comment: string | null };

export type AppBackend = {
	name: 'pglite' | 'postgres';
	env: Record<string, string>;
	/** Every stored vote; call while no server holds a PGlite folder. */
	votes(): Promise<StoredVote[]>;
	dispose(): Promise<void>;
};

const serverUrl = process.env.TEST_DATABASE_URL;

async function readVotes(options: { url?: string; dataDir?: string }): Promise<StoredVote[]> {
	const database = await openDatabase(options);
	try {
		const result = await database.db.execute<StoredVote>('select id::text as id, comment from feedback');
		return (result as unknown as { rows: StoredVote[] }).rows;
	} finally {
		await database.close();
	}
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL names a server. */
export function appBackends(): { name: AppBackend['name']; create(): Promise<AppBackend> }[] {
	const pglite = {
		name: 'pglite' as const,
		async create(): Promise<AppBackend> {
			const dataDir = copyTemplate(inject('pgliteTemplate'), 'fitnavigator-resilience-');
			return {
				name: 'pglite',
				env: { DATA_DIR: dataDir, DATABASE_URL: '' },
				votes: () => readVotes({ dataDir }),
				dispose: async () => rmSync(dataDir, { recursive: true, force: true })
			};
		}
	};
	if (!serverUrl) {
		console.log('PostgreSQL resilience tests skipped: TEST_DATABASE_URL is not set (PGlite tests still run).');
		return [pglite];
	}
	const postgres = {
		name: 'postgres' as const,
		async create(): Promise<AppBackend> {
			const throwaway = await createThrowawayDatabase(serverUrl);
			return {
				name: 'postgres',
				env: { DATABASE_URL: throwaway.url },
				votes: () => readVotes({ url: throwaway.url }),
				dispose: throwaway.drop
			};
		}
	};
	return [pglite, postgres];
}

export type RunningApp = { url: string; process: ChildProcess; output: () => string; stop(signal?: NodeJS.Signals): Promise<void> };

/** Starts `node server.js` and resolves once /healthz answers (or /readyz with `ready`). */
export async function startApp(port: number, env: Record<string, string>, options: { ready?: boolean } = {}): Promise<RunningApp> {
	const child = spawn(process.execPath, ['server.js'], {
		env: adapterEnv({ ...process.env, HOST: '127.0.0.1', PORT: String(port), FEEDBACK_RATE_LIMIT: '0', ...env }),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stdout!.on('data', (d) => (log += d));
	child.stderr!.on('data', (d) => (log += d));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const url = `http://127.0.0.1:${port}`;
	// Generous: a first PGlite open on a busy shared machine has taken over 30 s.
	const deadline = Date.now() + 100_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
		const res = await fetch(`${url}${options.ready === false ? '/healthz' : '/readyz'}`).catch(() => undefined);
		if (res?.ok) break;
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`server did not answer within 100 s:\n${log}`);
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	return {
		url,
		process: child,
		output: () => log,
		async stop(signal = 'SIGTERM') {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			await exited;
		}
	};
}

/** fetch with a hard time limit, so "never hangs" is something a test can fail on. */
export async function timedFetch(url: string, init: RequestInit = {}, limitMs = 5_000) {
	const started = Date.now();
	const res = await fetch(url, { ...init, signal: AbortSignal.timeout(limitMs) });
	return { res, ms: Date.now() - started };
}

export const vote = (comment?: string) => ({
	method: 'POST',
	headers: { 'content-type': 'application/json' },
	body: JSON.stringify({ lang: 'en', helpful: true, ...(comment === undefined ? {} : { comment }) })
});
