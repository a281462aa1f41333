#!/usr/bin/env node
// `npm run coverage`: Vitest's v8 coverage, then statement and branch figures for
// src/lib/core and src/lib/server apart (the issue compares those two before and after).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const run = spawnSync('node_modules/.bin/vitest', ['run', '--coverage', ...process.argv.slice(2)], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status || 1);

const summary = JSON.parse(readFileSync('test-results/coverage/coverage-summary.json', 'utf8'));
const parts = { 'src/lib/core': [], 'src/lib/server': [] };
for (const [file, figures] of Object.entries(summary)) {
	if (file === 'total') continue;
	const part = Object.keys(parts).find((p) => relative(process.cwd(), file).startsWith(`${p}/`));
	if (part) parts[part].push(figures);
}
const pct = (rows, key) => {
	const total = rows.reduce((n, r) => n + r[key].total, 0);
	const covered = rows.reduce((n, r) => n + r[key].covered, 0);
	return `${((100 * covered) / (total || 1)).toFixed(2)} % (${covered}/${total})`;
};
console.log('\ncoverage by part:');
for (const [part, rows] of Object.entries(parts))
	console.log(`  ${part}: ${rows.length} files, statements ${pct(rows, 'statements')}, branches ${pct(rows, 'branches')}`);
