#!/usr/bin/env node
// `npm test`: every check in the order a reviewer would want them, stopping at the
// first failure. Each runner prints its own summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const steps = [
	['types and Svelte', bin('svelte-kit'), ['sync']],
	['types and Svelte', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']],
	['lint', bin('eslint'), ['--max-warnings', '0', '.']],
	['format', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
	[
		'unit and database tests',
		bin('vitest'),
		['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']
	],
	['build', bin('vite'), ['build', '--logLevel', 'warn']],
	['browser tests', bin('playwright'), ['test']]
];

const env = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
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
const started = Date.now();
for (const [name, cmd, args] of steps) {
	console.log(`\n▶ ${name}: ${cmd.replace('node_modules/.bin/', '')} ${args.join(' ')}`);
	const t0 = Date.now();
	const run = spawnSync(cmd, args, { stdio: 'inherit', env });
	if (run.status !== 0) {
		tally();
		console.error(`✖ ${name} failed (exit ${run.status ?? run.signal}).`);
		process.exit(run.status || 1);
	}
	console.log(`✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
tally();
console.log(`All checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
