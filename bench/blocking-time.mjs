// `node bench/blocking-time.mjs [--runs=N] [name=URL …] [route names]`: each page's main-thread
// work on opening, by CPU time, so a busy machine does not swamp it (at load 40 the wall-clock
// blocking time of one page swung 120–3,200 ms). From Chromium's trace: each task of the page's
// renderer main thread, its thread time; "simulated TBT" = Σ max(0, 4 × task − 50 ms), as
// Lighthouse's simulated 4× CPU scales tasks (counted from navigation to 3 s after load, so
// before first paint too). Given name=URL pairs, measures those (two builds side by side, runs
// alternated); otherwise the built app's reader routes (bench/lib.mjs ROUTES, or those named).
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../tests/e2e/chromium-flags.js';
import { PORTS, ROUTES, requireBuild, startApp, tempDir } from './lib.mjs';

const args = process.argv.slice(2);
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5);
const pairs = args.filter((a) => /^[^-][^=]*=https?:/.test(a)).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]);
const named = args.filter((a) => !a.startsWith('--') && !a.includes('='));
let app;
if (!pairs.length) {
	requireBuild();
	app = await startApp(PORTS.lighthouse, { DATA_DIR: tempDir('blocking-time') });
	for (const [name, path] of Object.entries(ROUTES)) if (!named.length || named.includes(name)) pairs.push([name, app.url + path]);
}

/** The CPU time (ms) of each task on the main thread of the renderer that parsed the page. */
async function tasksOf(browser, url) {
	const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
	const page = await context.newPage();
	await page.goto('about:blank');
	await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', '__metadata'] });
	await page.goto(url, { waitUntil: 'load' });
	await page.waitForTimeout(3000);
	const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
	await context.close();
	const mains = new Set(
		events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`)
	);
	const pid = events.find((e) => e.name === 'ParseHTML' && mains.has(`${e.pid}:${e.tid}`))?.pid;
	return events
		.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === pid && mains.has(`${e.pid}:${e.tid}`) && e.tdur != null)
		.map((e) => e.tdur / 1000);
}

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
const load = [loadavg()];
const results = new Map(pairs.map(([name]) => [name, []]));
try {
	for (let i = 0; i < runs; i++)
		for (const [name, url] of pairs) {
			const tasks = await tasksOf(browser, url);
			results.get(name).push({
				cpu: tasks.reduce((a, b) => a + b, 0),
				tbt: tasks.reduce((a, t) => a + Math.max(0, 4 * t - 50), 0),
				longest: Math.max(0, ...tasks) * 4
			});
		}
} finally {
	await browser.close();
	await app?.stop();
}
load.push(loadavg());
console.log(
	`${new Date().toISOString()}, load average ${load.map((l) => l.map((x) => x.toFixed(1)).join(' / ')).join(' → ')}, ${runs} runs each`
);
console.log('| page | main-thread CPU, median ms | simulated TBT, median ms (each run) | longest task × 4, median ms |\n|---|---|---|---|');
for (const [name, r] of results) {
	const m = (k) => median(r.map((x) => x[k])).toFixed(0);
	console.log(`| ${name} | ${m('cpu')} | ${m('tbt')} (${r.map((x) => x.tbt.toFixed(0)).join(', ')}) | ${m('longest')} |`);
}
