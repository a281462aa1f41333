// `npm run audit`: Lighthouse 12 (mobile, simulated throttling) against the built server
// for each tracked route, with the budgets every present route must keep. A route that
// answers 404 belongs to a feature that has not landed yet: reported as missing.
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import { PORTS, ROUTES, builtWeight, requireBuild, round, save, startApp, table, tempDir } from './lib.mjs';

requireBuild();
const DEBUG_PORT = 4288;
const JS_BUDGET_KB = { guide: 30, 'first aid': 40, plan: 40, diary: 60 };
const SCORE_BUDGET = { performance: 0.95, accessibility: 1 };

const app = await startApp(PORTS.lighthouse, { DATA_DIR: tempDir('lighthouse') });
const browser = await chromium.launch({
	executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', `--remote-debugging-port=${DEBUG_PORT}`]
});
const rows = [];
const results = {};
let missed = 0;
try {
	for (const [name, path] of Object.entries(ROUTES)) {
		const res = await fetch(`${app.url}${path}`);
		if (res.status === 404) {
			rows.push({ route: name, path, result: 'missing (not built yet)' });
			results[name] = { path, missing: true };
			continue;
		}
		const jsGzipKb = round(builtWeight(Buffer.from(await res.arrayBuffer())).js.gzip / 1024, 1);
		const { lhr } = await lighthouse(`${app.url}${path}`, {
			port: DEBUG_PORT,
			output: 'json',
			logLevel: 'error',
			onlyCategories: ['performance', 'accessibility', 'best-practices']
		});
		const score = (id) => lhr.categories[id].score;
		const failures = [
			...Object.entries(SCORE_BUDGET)
				.filter(([id, min]) => score(id) < min)
				.map(([id, min]) => `${id} ${score(id)} < ${min}`),
			...(JS_BUDGET_KB[name] && jsGzipKb > JS_BUDGET_KB[name] ? [`JS ${jsGzipKb} KB gzip > ${JS_BUDGET_KB[name]} KB`] : [])
		];
		missed += failures.length;
		results[name] = {
			path,
			performance: score('performance'),
			accessibility: score('accessibility'),
			bestPractices: score('best-practices'),
			lcpMs: round(lhr.audits['largest-contentful-paint'].numericValue),
			tbtMs: round(lhr.audits['total-blocking-time'].numericValue),
			jsGzipKb,
			failures
		};
		rows.push({
			route: name,
			path,
			perf: score('performance'),
			a11y: score('accessibility'),
			'best pr.': score('best-practices'),
			'LCP ms': results[name].lcpMs,
			'TBT ms': results[name].tbtMs,
			'JS KB gz': jsGzipKb,
			result: failures.length ? `MISSED: ${failures.join('; ')}` : 'ok'
		});
	}
} finally {
	await browser.close();
	await app.stop();
}
table('Lighthouse 12 mobile (budgets: performance ≥ 0.95, accessibility 1, guide JS ≤ 30 KB, first aid and plan ≤ 40 KB gzip)', rows);
save('lighthouse', { budgets: { scores: SCORE_BUDGET, jsGzipKb: JS_BUDGET_KB }, routes: results });
if (missed) {
	console.error(`${missed} budget(s) missed.`);
	process.exitCode = 1;
}
