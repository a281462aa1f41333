// `npm run audit`: Lighthouse 12 (mobile, simulated throttling) against the built server
// over every reader route in English (the tracked ones, every guide, the self-check's pages,
// the report, the offline and 404 pages), with the budgets every route must keep. A tracked
// route that answers 404 belongs to a feature that has not landed yet: reported as missing.
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import { parse } from 'yaml';
import { CHROMIUM_FLAGS } from '../tests/e2e/chromium-flags.js';
import { PORTS, ROOT, ROUTES, builtWeight, requireBuild, round, save, startApp, table, tempDir } from './lib.mjs';

requireBuild();
// Chromium's debugging port moves with BENCH_PORT_BASE too (4288 by default)
const DEBUG_PORT = PORTS.lighthouse + 5;
const JS_BUDGET_KB = { guide: 30, 'first aid': 40, plan: 40, diary: 60 };
const SCORE_BUDGET = { performance: 0.95, accessibility: 1 };
/** Layout shift: the bar for every reader page (the diary's form once jumped 260 px). */
const CLS_BUDGET = 0.02;
const guides = readdirSync(join(ROOT, 'content/guides')).map((f) => parse(readFileSync(join(ROOT, 'content/guides', f), 'utf8')).slug);
const ANSWERED = 'situation=night&durationMinutes=5&perWeek=3&ageGroup=adult&none=injury&none=body&none=factors&signs=swelling';
/** Every reader page; the 404 is expected to answer 404. */
const READER_ROUTES = {
	'/': '/',
	home: '/en',
	...ROUTES,
	'check: question': '/en/check/situation',
	'check: answers': `/en/check/answers?${ANSWERED}`,
	'check: result': `/en/check/result?${ANSWERED}`,
	'guide list': '/en/guides',
	...Object.fromEntries(guides.filter((slug) => `/en/guides/${slug}` !== ROUTES.guide).map((slug) => [`guide: ${slug}`, `/en/guides/${slug}`])),
	'first aid: water': '/en/first-aid/water',
	report: '/en/diary/report',
	offline: '/en/offline',
	404: '/en/no-such-page'
};
const EXPECTED_STATUS = { 404: 404 };

const app = await startApp(PORTS.lighthouse, { DATA_DIR: tempDir('lighthouse') });
const browser = await chromium.launch({
	executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
	args: [...CHROMIUM_FLAGS, `--remote-debugging-port=${DEBUG_PORT}`]
});
const rows = [];
const results = {};
let missed = 0;
try {
	for (const [name, path] of Object.entries(READER_ROUTES)) {
		const res = await fetch(`${app.url}${path}`);
		if (res.status === 404 && EXPECTED_STATUS[name] !== 404) {
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
		const cls = round(lhr.audits['cumulative-layout-shift'].numericValue, 3);
		const failures = [
			...(cls > CLS_BUDGET ? [`CLS ${cls} > ${CLS_BUDGET}`] : []),
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
			cls,
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
			CLS: cls,
			'JS KB gz': jsGzipKb,
			result: failures.length ? `MISSED: ${failures.join('; ')}` : 'ok'
		});
	}
} finally {
	await browser.close();
	await app.stop();
}
// the machine's load changes simulated-throttling scores: printed and saved with them
const load = loadavg().map((l) => round(l, 2));
table(
	`Lighthouse 12 mobile, ${new Date().toISOString().slice(0, 16)}Z, load ${load.join(' ')} (budgets: performance ≥ 0.95, accessibility 1, CLS ≤ ${CLS_BUDGET}, guide JS ≤ 30 KB, first aid and plan ≤ 40 KB, diary ≤ 60 KB gzip)`,
	rows
);
save('lighthouse', { load, budgets: { scores: SCORE_BUDGET, cls: CLS_BUDGET, jsGzipKb: JS_BUDGET_KB }, routes: results });
if (missed) {
	console.error(`${missed} budget(s) missed.`);
	process.exitCode = 1;
}
