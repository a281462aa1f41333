// What every reader page says about itself (a description, its twin in the other language by
// absolute address), and our own page for a request too long for the server to read.
import { expect, test } from '@playwright/test';

const PAGES = [
	'',
	'/check',
	'/check/situation',
	'/check/answers',
	'/check/result',
	'/plan',
	'/guides',
	'/guides/calf-cramps',
	'/guides/calf-cramps/feedback',
	'/first-aid',
	'/first-aid/water',
	'/diary',
	'/diary/report',
	'/offline',
	'/no-such-page'
];

test('every reader page has a description and names both languages by absolute address', async ({ page }) => {
	test.setTimeout(120_000);
	for (const lang of ['en', 'ru'])
		for (const path of PAGES) {
			await page.goto(`/${lang}${path}`);
			const where = `/${lang}${path}`;
			await expect(page.locator('meta[name="description"]'), where).toHaveCount(1);
			expect((await page.locator('meta[name="description"]').getAttribute('content'))?.length, where).toBeGreaterThan(20);
			if (path === '/no-such-page') continue;
			for (const other of ['en', 'ru'])
				expect(await page.locator(`link[rel="alternate"][hreflang="${other}"]`).getAttribute('href'), where).toMatch(
					new RegExp(`^https?://[^/]+/${other}${path.replace(/[/.]/g, '\\$&')}$`)
				);
		}
});

test('a 20,000-character address gets our page in both languages, not a bare 431', async ({ request }) => {
	const response = await request.get(`/en/guides?q=${'a'.repeat(20_000)}`);
	expect(response.status()).toBe(431);
	expect(response.headers()['content-type']).toContain('text/html');
	const html = await response.text();
	expect(html).toContain('This address is too long');
	expect(html).toContain('Слишком длинный адрес');
	expect(html).toContain('href="/en"');
	// the server still answers the next request as usual
	expect((await request.get('/en/guides')).status()).toBe(200);
});
