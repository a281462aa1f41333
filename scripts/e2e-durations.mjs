#!/usr/bin/env node
// `node scripts/e2e-durations.mjs [report.json]`: the browser suite's time per spec file, from
// Playwright's JSON report (test-results/playwright.json by default), slowest first. The sum is
// worker time: with two workers the wall time is about half of it.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2] ?? 'test-results/playwright.json', 'utf8'));
const files = new Map();
const walk = (suite) => {
	for (const spec of suite.specs ?? [])
		for (const t of spec.tests)
			for (const r of t.results) {
				const f = files.get(spec.file) ?? { ms: 0, runs: 0, failed: 0 };
				f.ms += r.duration;
				f.runs += 1;
				if (r.status !== 'passed' && r.status !== 'skipped') f.failed += 1;
				files.set(spec.file, f);
			}
	for (const child of suite.suites ?? []) walk(child);
};
for (const suite of report.suites) walk(suite);
const rows = [...files].sort((a, b) => b[1].ms - a[1].ms);
const total = rows.reduce((n, [, f]) => n + f.ms, 0);
for (const [file, f] of rows)
	console.log(
		`${(f.ms / 1000).toFixed(1).padStart(7)} s  ${String(f.runs).padStart(4)} runs  ${f.failed ? `${f.failed} failed  ` : ''}${file}`
	);
console.log(`${(total / 1000).toFixed(1).padStart(7)} s  worker time in all; wall ${(report.stats.duration / 1000).toFixed(1)} s`);
