// `npm run bench`: every benchmark in turn (the soak is separate: `npm run bench:soak`).
// Each prints its table; ours also write bench/results/<name>.json. Budgets that are missed
// are reported, and make the exit code non-zero, but never stop the other benchmarks.
import { spawnSync } from 'node:child_process';

// assess.mjs defaults to its author's port; 4289 keeps it inside this suite's range.
const BENCHMARKS = [
	['guide'],
	['feedback'],
	['cluster'],
	['summary'],
	['startup'],
	['weight'],
	['lighthouse'],
	['assess', '--port', '4289'],
	['diary']
];
const missed = [];
for (const [name, ...args] of BENCHMARKS) {
	console.log(`\n▶ bench/${name}.mjs ${args.join(' ')}`);
	const run = spawnSync(process.execPath, [`bench/${name}.mjs`, ...args], { stdio: 'inherit' });
	if (run.status !== 0) missed.push(`${name} (exit ${run.status ?? run.signal})`);
}
console.log(missed.length ? `\nMissed or failed: ${missed.join(', ')}` : '\nAll benchmarks ran; every budget met.');
process.exitCode = missed.length ? 1 : 0;
