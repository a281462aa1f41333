import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const browser = await chromium.launch({ executablePath: '/tmp/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
for (const lang of ['en', 'ru']) {
	await page.goto(`http://127.0.0.1:4315/${lang}/first-aid`);
	await page.waitForSelector('.fa-about');
	if (process.env.TRY) await page.addStyleTag({ content: readFileSync('/tmp/css-try.css', 'utf8') });
	await page.screenshot({ path: `/tmp/fa-${lang}.png` });
	for (const sel of ['h1', '.fa-flow h2', '.fa-signs', '.fa-flow > section > .fa-call', '.fa-about', '.fa-go'])
		console.log(lang, sel, JSON.stringify(await page.locator(sel).first().boundingBox()));
}
await browser.close();
