// Page weight: HTML, CSS and JS bytes (raw, gzip, brotli) of each tracked route, from
// the build output the page refers to and from a real page load in Chromium, plus the
// budgets: the guide is readable with JavaScript off and ships ≤ 30 KB of JS (gzip).
import { chromium } from '@playwright/test';
import { PORTS, ROUTES, builtWeight, requireBuild, round, save, startApp, table, tempDir } from './lib.mjs';

requireBuild();
const GUIDE_JS_BUDGET_KB = 30;
const kb = (n) => round(n / 1024, 1);

const app = await startApp(PORTS.app, { DATA_DIR: tempDir('weight') });
const browser = await chromium.launch({
	executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
const rows = [];
const results = {};
try {
	for (const [name, path] of Object.entries(ROUTES)) {
		const res = await fetch(`${app.url}${path}`);
		if (res.status === 404) {
			rows.push({ route: name, path, status: 'missing (not built yet)' });
			results[name] = { path, missing: true };
			continue;
		}
		const build = builtWeight(Buffer.from(await res.arrayBuffer()));

		// What Chromium actually fetched (bytes on the wire, the server's own compression).
		const page = await browser.newPage();
		await page.goto(`${app.url}${path}`, { waitUntil: 'networkidle' });
		const loaded = await page.evaluate(() => {
			const wire = { html: 0, css: 0, js: 0, other: 0 };
			const nav = performance.getEntriesByType('navigation')[0];
			wire.html = nav.encodedBodySize;
			for (const r of performance.getEntriesByType('resource')) {
				const kind = r.name.endsWith('.css') ? 'css' : r.name.endsWith('.js') ? 'js' : 'other';
				wire[kind] += r.encodedBodySize;
			}
			return wire;
		});
		await page.close();

		const noJs = await browser.newContext({ javaScriptEnabled: false });
		const plain = await noJs.newPage();
		await plain.goto(`${app.url}${path}`);
		const readable = (await plain.locator('h1').count()) > 0 && (await plain.locator('main').innerText()).length > 500;
		await noJs.close();

		results[name] = { path, build, chromium: loaded, readableWithoutJs: readable };
		rows.push({
			route: name,
			path,
			'HTML KB raw/gz/br': `${kb(build.html.raw)}/${kb(build.html.gzip)}/${kb(build.html.brotli)}`,
			'CSS KB raw/gz/br': `${kb(build.css.raw)}/${kb(build.css.gzip)}/${kb(build.css.brotli)}`,
			'JS KB raw/gz/br': `${kb(build.js.raw)}/${kb(build.js.gzip)}/${kb(build.js.brotli)}`,
			'Chromium wire KB html+css+js': `${kb(loaded.html)}+${kb(loaded.css)}+${kb(loaded.js)}`,
			'readable JS off': readable
		});
	}
} finally {
	await browser.close();
	await app.stop();
}
table('Page weight (build output, and bytes Chromium fetched)', rows);
const guide = results.guide;
const budgets = {
	'guide JS ≤ 30 KB gzip': guide.build.js.gzip <= GUIDE_JS_BUDGET_KB * 1024,
	'guide readable with JS off': guide.readableWithoutJs
};
console.log('Budgets:', budgets);
save('weight', { routes: results, budgets });
if (Object.values(budgets).includes(false)) process.exitCode = 1;
