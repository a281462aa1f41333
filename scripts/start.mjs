#!/usr/bin/env node
// `npm start`: build when there is no build or any source is newer than it, then serve.
// Migrations run when the server opens its database. `.env`, when present, was read by
// Node itself (`node --env-file-if-exists=.env`, see package.json); values already in
// the environment win. A production install (no dev dependencies, so no Vite) serves the
// build it was given as it is.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { adapterEnv } from '../serving/adapter-env.js';

const SOURCES = ['src', 'content', 'messages', 'static', 'drizzle', 'package.json', 'svelte.config.js', 'vite.config.ts'];
const BUILT = 'build/handler.js';

function newest(path) {
	if (!existsSync(path)) return 0;
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), st.mtimeMs);
}

const VITE = 'node_modules/vite/bin/vite.js';
// A deployment ships build/ without src/: it serves what it was given, even when an
// install without --omit=optional brought Vite along (better-auth's optional peers).
const canBuild = existsSync(VITE) && existsSync('src');
if (!canBuild && !existsSync(BUILT)) {
	console.error(
		'No build/ and no Vite to make one: run `npm run build` before a production install (`npm ci --omit=dev --omit=optional`).'
	);
	process.exit(1);
}
if (canBuild && (!existsSync(BUILT) || Math.max(...SOURCES.map(newest)) > statSync(BUILT).mtimeMs)) {
	console.log('Building FitNavigator (sources changed or no build yet)…');
	const build = spawnSync(process.execPath, [VITE, 'build', '--logLevel', 'warn'], {
		stdio: 'inherit',
		env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' }
	});
	if (build.status !== 0) process.exit(build.status ?? 1);
}

// adapter-node's variables from ours (TRUST_PROXY; plain http when no proxy is named).
const server = spawn(process.execPath, ['server.js'], { stdio: 'inherit', env: adapterEnv(process.env) });
const host = process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : 'localhost';
console.log(`FitNavigator on http://${host}:${process.env.PORT ?? 3000}  (Ctrl+C to stop)`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
