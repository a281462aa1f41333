// Guide page throughput against the physical limit: the built server serving
// /en/guides/calf-cramps next to nginx serving the same HTML file, same wrk, same
// connections, one after the other in the same run. Goal: Node ≥ 0.8 × nginx.
import { join } from 'node:path';
import { ROOT, PORTS, requireBuild, requireTool, round, save, startApp, startNginx, table, tempDir, wrk } from './lib.mjs';

requireBuild();
requireTool('wrk', 'sudo apt-get install -y wrk');
requireTool('nginx', 'sudo apt-get install -y nginx-light');

const PATH = '/en/guides/calf-cramps';
// GUIDE_CONNECTIONS=64 runs one level only (bench/goals.mjs does: the goal is at 64).
const CONNECTIONS = (process.env.GUIDE_CONNECTIONS || '16,64').split(',').map(Number);
const ROUNDS = 3;
const median = (runs) => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)];

const app = await startApp(PORTS.app, { DATA_DIR: tempDir('guide') });
const nginx = await startNginx(PORTS.nginx, { [PATH]: join(ROOT, 'build/prerendered/en/guides/calf-cramps.html') });
const rows = [];
const raw = [];
try {
	for (const connections of CONNECTIONS) {
		// A short warm-up each, so the JIT and the file caches are not what is measured.
		await wrk(`${app.url}${PATH}`, { connections, seconds: 1 });
		await wrk(`http://127.0.0.1:${PORTS.nginx}${PATH}`, { connections, seconds: 1 });
		// Alternating rounds, median of each: other work on the machine hits both alike.
		const nodeRuns = [];
		const nginxRuns = [];
		for (let round = 0; round < ROUNDS; round++) {
			nodeRuns.push(await wrk(`${app.url}${PATH}`, { connections }));
			nginxRuns.push(await wrk(`http://127.0.0.1:${PORTS.nginx}${PATH}`, { connections }));
		}
		const node = median(nodeRuns);
		const limit = median(nginxRuns);
		rows.push({
			connections,
			'node req/s': round(node.rps),
			'nginx req/s': round(limit.rps),
			ratio: round(node.rps / limit.rps, 2),
			'node p99 ms': round(node.p99ms, 2),
			'nginx p99 ms': round(limit.p99ms, 2),
			errors: node.errors + limit.errors
		});
		raw.push({ connections, node: nodeRuns, nginx: nginxRuns });
	}
} finally {
	await app.stop();
	await nginx.stop();
}
table(`Guide page ${PATH}: built server vs nginx (goal ratio ≥ 0.8)`, rows);
save('guide', { path: PATH, goalRatio: 0.8, summary: rows, wrk: raw });
