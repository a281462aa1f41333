#!/usr/bin/env node
// `npm test`: every check, stopping at the first failure. Each runner prints its own summary line.
// Vitest runs one worker (cores − 1), and svelte-check, eslint, prettier and the build are
// single-threaded, so on two cores they run beside Vitest, one after another, instead of after it:
// the browser tests, which need the build and both cores, start once both lanes are done.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const step = (name, tool, args) => ({ name, cmd: bin(tool), args });
/** Phases run in order; a phase's lanes run side by side, each lane's steps in order. */
const phases = [
	[[step('types and Svelte', 'svelte-kit', ['sync'])]],
	[
		[
			step('types and Svelte', 'svelte-check', ['--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']),
			step('lint', 'eslint', ['--max-warnings', '0', '.']),
			step('format', 'prettier', ['--check', '.', '--log-level', 'warn']),
			step('build', 'vite', ['build', '--logLevel', 'warn'])
		],
		[
			step('unit and database tests', 'vitest', [
				'run',
				'--reporter=default',
				'--reporter=json',
				'--outputFile.json=test-results/vitest.json'
			])
		]
	],
	[[step('browser tests', 'playwright', ['test'])]]
];

const env = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
// Output is kept while steps run side by side, so keep the colours a terminal would get.
if (process.stdout.isTTY && !('NO_COLOR' in env)) env.FORCE_COLOR ??= '1';
rmSync('test-results', { recursive: true, force: true });

/** One plain closing line over both runners' JSON reports. */
function tally() {
	const sum = { passed: 0, failed: 0, skipped: 0 };
	if (existsSync('test-results/vitest.json')) {
		const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
		sum.passed += v.numPassedTests;
		sum.failed += v.numFailedTests;
		sum.skipped += v.numPendingTests + v.numTodoTests;
	}
	if (existsSync('test-results/playwright.json')) {
		const p = JSON.parse(readFileSync('test-results/playwright.json', 'utf8')).stats;
		sum.passed += p.expected + p.flaky;
		sum.failed += p.unexpected;
		sum.skipped += p.skipped;
	}
	console.log(`\ntests: ${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
}

/** Steps running now, each with whether it leads its own process group (kept output). */
const running = new Map();
const stopped = new Set();
/** Stops every step still running, a process group with its children (Vitest's forks, say). */
const stopAll = () => {
	for (const [child, group] of running) {
		stopped.add(child);
		if (group) process.kill(-child.pid, 'SIGTERM');
		else child.kill('SIGTERM');
	}
};
// Kept-output steps lead their own process groups, so a stopped run stops them itself.
for (const [signal, code] of [
	['SIGINT', 130],
	['SIGTERM', 143]
])
	process.on(signal, () => {
		stopAll();
		process.exit(code);
	});
/** Runs one step; its output is shown live when `live`, else kept to print whole. */
function run(s, live) {
	const t0 = Date.now();
	const child = spawn(s.cmd, s.args, { env, stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'], detached: !live });
	running.set(child, !live);
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	return new Promise((done) =>
		child.on('close', (code, signal) => {
			running.delete(child);
			done({ ...s, output, status: code, signal, stopped: stopped.has(child), seconds: (Date.now() - t0) / 1000 });
		})
	);
}

const header = (s) => `\n▶ ${s.name}: ${s.cmd.replace('node_modules/.bin/', '')} ${s.args.join(' ')}`;
/** Prints a finished step whole: its command, what it printed, and its result with its time. */
function report(r, live) {
	if (!live) process.stdout.write(`${header(r)}\n${r.output}`);
	if (r.status === 0) console.log(`✔ ${r.name} (${r.seconds.toFixed(1)} s)`);
	else if (r.stopped) console.log(`◼ ${r.name} stopped: another step failed.`);
	else console.log(`✖ ${r.name} (exit ${r.status ?? r.signal}, ${r.seconds.toFixed(1)} s)`);
}

const started = Date.now();
for (const lanes of phases) {
	const live = lanes.length === 1 && lanes[0].length === 1;
	const order = lanes.flat();
	const results = new Map();
	let next = 0;
	let failed;
	/** Prints, in the phases' written order, every step whose turn has come and that has finished. */
	const flush = () => {
		while (next < order.length && results.has(order[next])) report(results.get(order[next++]), live);
	};
	if (live) console.log(header(order[0]));
	await Promise.all(
		lanes.map(async (lane) => {
			for (const s of lane) {
				if (failed) return;
				const r = await run(s, live);
				if (r.status !== 0 && !r.stopped && !failed) {
					failed = r;
					// The first failure decides the run: the other lanes are stopped, not waited for.
					stopAll();
				}
				results.set(s, r);
				flush();
			}
		})
	);
	if (failed) {
		for (const s of order.slice(next))
			if (results.has(s)) report(results.get(s), live);
			else console.log(`◼ ${s.name}: not started, another step failed.`);
		tally();
		console.error(`✖ ${failed.name} failed (exit ${failed.status ?? failed.signal}).`);
		process.exit(failed.status || 1);
	}
}
tally();
console.log(`All checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
