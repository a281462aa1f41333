// Start-up: from `node server.js` to the first 200 from /readyz (the app has opened and
// migrated its database by then), with an existing PGlite folder and an empty one.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { PORTS, requireBuild, round, save, startApp, table, tempDir } from './lib.mjs';

requireBuild();
const RUNS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// One folder the server has created once; each "existing" run starts on a fresh copy of it.
const seeded = tempDir('startup-seed');
await (await startApp(PORTS.app, { DATA_DIR: seeded })).stop();

async function timed(dataDir) {
	const started = performance.now();
	const app = await startApp(PORTS.app, { DATA_DIR: dataDir });
	const ms = performance.now() - started;
	await app.stop();
	return ms;
}

const cases = {
	'existing PGlite data dir': () => {
		const dir = tempDir('startup-existing');
		cpSync(seeded, dir, { recursive: true });
		return dir;
	},
	'empty data dir': () => join(tempDir('startup-empty'), 'data')
};
const rows = [];
for (const [name, dataDir] of Object.entries(cases)) {
	const runs = [];
	for (let i = 0; i < RUNS; i++) runs.push(await timed(dataDir()));
	rows.push({ start: name, 'median ms': round(median(runs)), 'runs ms': runs.map((ms) => round(ms)).join(', ') });
}
table('Start-up: node server.js → first 200 from /readyz', rows);
save('startup', { runs: rows });
