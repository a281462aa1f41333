// `npm run audit`: Lighthouse 12 (mobile, simulated throttling) against the built server
// over every reader route in English (the tracked ones, every guide, the self-check's pages,
// the report and the offline page), with the budgets every route must keep. A tracked
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
/** Layout shift: the issue's bar for every reader page (the diary's form once jumped 260 px). */
const CLS_BUDGET = 0.02;
const guides = readdirSync(join(ROOT, 'content/guides')).map((f) => parse(readFileSync(join(ROOT, 'content/guides', f), 'utf8')).slug);
const ANSWERED = 'situation=night&durationMinutes=5&perWeek=3&ageGroup=adult&none=injury&none=body&none=factors&signs=swelling';
/** Every reader page. Not the 404 page: Lighthouse refuses a document that answers 404
 *  (ERRORED_DOCUMENT_REQUEST); tests/e2e/a11y.e2e.ts runs axe on it instead. */
const READER_ROUTES = {
	'/': '/',
	home: '/en',
	...ROUTES,
	'check: question': '/en/check/situation',
	'check: answers': `/en/check/answers?${ANSWERED}`,
	'check: result': `/en/check/result?${ANSWERED}`,
	'guide list': '/en/guides',
	...Object.fromEntries(
		guides.filter((slug) => `/en/guides/${slug}` !== ROUTES.guide).map((slug) => [`guide: ${slug}`, `/en/guides/${slug}`])
	),
	'first aid: water': '/en/first-aid/water',
	report: '/en/diary/report',
	offline: '/en/offline'
};

/**
 * What the CPU does not change, seen by the browser itself at 390 × 844 (Lighthouse 12.2's
 * element audits fail on this Chromium's trace): the largest paint's element, whether its text
 * was already in the server's HTML, and every layout shift with the elements that moved.
 */
const squash = (text) => text.replace(/\s+/g, ' ').trim();
/** The text of the server's markup, not of its scripts (the page's data carries the same words). */
const markupText = (html) =>
	squash(
		html
			.replace(/<script[\s\S]*?<\/script>/g, ' ')
			.replace(/<[^>]+>/g, '')
			.replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e])
	);
async function paintsAndShifts(url, html) {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
	try {
		await page.addInitScript(() => {
			const seen = (window.__paints = { lcp: null, shifts: [] });
			const name = (node) =>
				node instanceof Element
					? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}`
					: String(node?.nodeName);
			new PerformanceObserver((list) => {
				for (const e of list.getEntries())
					seen.lcp = { element: name(e.element), text: e.element?.textContent?.trim().slice(0, 60) ?? '', ms: Math.round(e.startTime) };
			}).observe({ type: 'largest-contentful-paint', buffered: true });
			new PerformanceObserver((list) => {
				for (const e of list.getEntries())
					if (!e.hadRecentInput)
						seen.shifts.push({
							value: Math.round(e.value * 1e4) / 1e4,
							at: Math.round(e.startTime),
							moved: e.sources.map((s) => name(s.node))
						});
			}).observe({ type: 'layout-shift', buffered: true });
		});
		await page.goto(url, { waitUntil: 'load' });
		await page.waitForTimeout(2000);
		const { lcp, shifts } = await page.evaluate(() => window.__paints);
		return { lcp: lcp && { ...lcp, inServerHtml: lcp.text !== '' && markupText(html).includes(squash(lcp.text)) }, shifts };
	} finally {
		await page.close();
	}
}

const app = await startApp(PORTS.lighthouse, { DATA_DIR: tempDir('lighthouse') });
const browser = await chromium.launch({
	executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
	args: [...CHROMIUM_FLAGS, `--remote-debugging-port=${DEBUG_PORT}`]
});
const rows = [];
const results = {};
let missed = 0;
try {
	// `node bench/lighthouse.mjs plan "first aid"`: only the routes named (to check one fix)
	const only = process.argv.slice(2);
	for (const [name, path] of Object.entries(READER_ROUTES).filter(([name]) => !only.length || only.includes(name))) {
		const res = await fetch(`${app.url}${path}`);
		const body = Buffer.from(await res.arrayBuffer());
		if (res.status === 404) {
			rows.push({ route: name, path, result: 'missing (not built yet)' });
			results[name] = { path, missing: true };
			continue;
		}
		const jsGzipKb = round(builtWeight(body).js.gzip / 1024, 1);
		const { lhr } = await lighthouse(`${app.url}${path}`, {
			port: DEBUG_PORT,
			output: 'json',
			logLevel: 'error',
			onlyCategories: ['performance', 'accessibility', 'best-practices']
		});
		const score = (id) => lhr.categories[id].score;
		// a run Lighthouse could not finish (no paint in time on a loaded machine) has no figures: a miss, named
		const figure = (id, digits = 0) => {
			const value = lhr.audits[id]?.numericValue;
			return value === undefined ? null : round(value, digits);
		};
		const cls = figure('cumulative-layout-shift', 3);
		const failures = [
			...(lhr.runtimeError ? [`Lighthouse: ${lhr.runtimeError.code}`] : []),
			...(cls === null || cls > CLS_BUDGET ? [`CLS ${cls} > ${CLS_BUDGET}`] : []),
			...Object.entries(SCORE_BUDGET)
				.filter(([id, min]) => !(score(id) >= min))
				.map(([id, min]) => `${id} ${score(id)} < ${min}`),
			...(JS_BUDGET_KB[name] && jsGzipKb > JS_BUDGET_KB[name] ? [`JS ${jsGzipKb} KB gzip > ${JS_BUDGET_KB[name]} KB`] : [])
		];
		// which accessibility audits failed, so a score under 1 says what to fix
		const a11yFailed = lhr.categories.accessibility?.auditRefs.filter((r) => lhr.audits[r.id].score === 0).map((r) => r.id) ?? [];
		if (a11yFailed.length) failures.push(`a11y audits: ${a11yFailed.join(', ')}`);
		missed += failures.length;
		const paints = await paintsAndShifts(`${app.url}${path}`, body.toString('utf8'));
		results[name] = {
			path,
			performance: score('performance'),
			accessibility: score('accessibility'),
			bestPractices: score('best-practices'),
			lcpMs: figure('largest-contentful-paint'),
			tbtMs: figure('total-blocking-time'),
			cls,
			jsGzipKb,
			paints,
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
		console.log(`${name}: ${rows.at(-1).result}; browser at 390 × 844: ${JSON.stringify(paints)}`);
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
