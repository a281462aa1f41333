// `npm run bench`: every benchmark in turn (the soak is separate: `npm run bench:soak`).
// Each prints its table and writes bench/results/<name>.json. Budgets that are missed
// are reported, and make the exit code non-zero, but never stop the other benchmarks.
import { spawnSync } from 'node:child_process';

const BENCHMARKS = ['guide', 'feedback', 'startup', 'weight', 'lighthouse'];
const missed = [];
for (const name of BENCHMARKS) {
	console.log(`\n▶ bench/${name}.mjs`);
	const run = spawnSync(process.execPath, [`bench/${name}.mjs`], { stdio: 'inherit' });
	if (run.status !== 0) missed.push(`${name} (exit ${run.status ?? run.signal})`);
}
console.log(missed.length ? `\nMissed or failed: ${missed.join(', ')}` : '\nAll benchmarks ran; every budget met.');
process.exitCode = missed.length ? 1 : 0;
