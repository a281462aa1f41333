import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
const page = await ctx.newPage();
await page.goto(`http://127.0.0.1:4303/ru/first-aid`);
await page.waitForTimeout(500);
console.log(await page.evaluate(() => [...document.querySelectorAll('.fa-flow h2, .fa-go, .fa-call, .first-aid h1')].map(e => { const c = getComputedStyle(e); return [e.className || e.tagName, c.fontSize, c.lineHeight, c.minHeight, e.getBoundingClientRect().height, document.querySelector('.fa-flow').dataset.screen]; })));
await browser.close();
