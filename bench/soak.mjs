// Soak (not part of `npm run bench`: `npm run bench:soak`): 10 minutes at 70% of the
// guide's measured maximum, one vote in 500 requests; zero errors and resident memory
// growth < 15% (last minute vs the first minute after warm-up).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PORTS, RESULTS, requireBuild, requireTool, round, save, sleep, startApp, table, tempDir, wrk } from './lib.mjs';

requireBuild();
requireTool('wrk', 'sudo apt-get install -y wrk');
const SECONDS = Number(process.env.SOAK_SECONDS || 600);
const CONNECTIONS = 16;
const GUIDE = '/en/guides/calf-cramps';

const app = await startApp(PORTS.soak, { DATA_DIR: tempDir('soak') });
const guideResults = join(RESULTS, 'guide.json');
// The maximum from the last `npm run bench`, else a quick measurement now.
const measured =
	existsSync(guideResults) && JSON.parse(readFileSync(guideResults, 'utf8')).summary?.find((r) => r.connections === CONNECTIONS);
const maxRps = measured ? measured['node req/s'] : (await wrk(`${app.url}${GUIDE}`, { connections: CONNECTIONS, seconds: 5 })).rps;
const target = 0.7 * maxRps;
// Each connection waits between its requests so that all of them together make `target`.
const delayMs = Math.max(1, Math.round((CONNECTIONS * 1000) / target));
const lua = `
local n = 0
local vote = '{"lang":"en","helpful":true,"comment":"soak"}'
request = function()
  n = n + 1
  if n % 500 == 0 then
    return wrk.format("POST", "/api/v1/guides/calf-cramps/feedback", { ["Content-Type"] = "application/json" }, vote)
  end
  return wrk.format("GET", "${GUIDE}")
end
delay = function() return ${delayMs} end`;

const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.pid}/status`, 'utf8'))[1]) * 1024;
const samples = [];
let sampling = true;
const sampler = (async () => {
	while (sampling && app.alive()) {
		samples.push({ at: performance.now(), rss: rss() });
		await sleep(5_000);
	}
})();
const started = performance.now();
let load;
try {
	load = await wrk(`${app.url}${GUIDE}`, { connections: CONNECTIONS, seconds: SECONDS, lua });
} finally {
	sampling = false;
	await sampler;
	await app.stop();
}
const warmUp = Math.min(30_000, (SECONDS * 1000) / 4);
const window = Math.min(60_000, (SECONDS * 1000) / 4);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const warm = samples.filter((s) => s.at - started > warmUp && s.at - started <= warmUp + window).map((s) => s.rss);
const last = samples.filter((s) => s.at - started >= SECONDS * 1000 - window).map((s) => s.rss);
const growth = median(last) / median(warm) - 1;
const row = {
	seconds: SECONDS,
	'target req/s': round(target),
	'achieved req/s': round(load.rps),
	errors: load.errors,
	'p99 ms': round(load.p99ms, 2),
	'RSS start MB': round(median(warm) / 2 ** 20, 1),
	'RSS end MB': round(median(last) / 2 ** 20, 1),
	'RSS growth %': round(growth * 100, 1)
};
table('Soak: 70% of the guide maximum, 1 vote in 500 (goal: 0 errors, RSS growth < 15%)', [row]);
save('soak', { ...row, samples: samples.map((s) => ({ s: round((s.at - started) / 1000), rssMb: round(s.rss / 2 ** 20, 1) })) });
if (load.errors > 0 || !(growth < 0.15)) process.exitCode = 1;
