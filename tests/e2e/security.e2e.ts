// Security headers on every kind of response, no CSP violation on any page, and
// hostile text a reader typed comes back as text: no script runs, no link appears.
import { expect, test, type APIRequestContext } from '@playwright/test';

async function pages(request: APIRequestContext): Promise<string[]> {
	const { guides } = (await (await request.get('/api/v1/guides?lang=en')).json()) as { guides: { slug: string }[] };
	const slugs = guides.map((g) => g.slug);
	return ['en', 'ru'].flatMap((lang) => [
		`/${lang}`,
		`/${lang}/guides`,
		...slugs.map((s) => `/${lang}/guides/${s}`),
		`/${lang}/guides/${slugs[0]}/feedback`,
		`/${lang}/first-aid`,
		`/${lang}/first-aid/water`
	]);
}

test('every kind of response carries the security headers', async ({ request }) => {
	const html = await (await request.get('/en/guides/calf-cramps')).text();
	const asset = `/${/"(?:\.\.\/)*(_app\/immutable\/[^"]+\.(?:js|css))"/.exec(html)?.[1]}`;
	expect(asset).toMatch(/^\/_app\/immutable\/.+\.(js|css)$/);
	const urls = [
		...(await pages(request)),
		'/',
		'/no-such-page',
		'/api/v1/guides',
		'/api/v1/guides/nope',
		'/healthz',
		'/readyz',
		'/favicon.svg',
		'/feedback.js',
		asset
	];
	for (const url of urls) {
		const res = await request.get(url, { maxRedirects: 0 });
		const headers = res.headers();
		const csp = headers['content-security-policy'] ?? '';
		const scripts = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? '';
		expect.soft(scripts, `${url} script-src`).toContain("'self'");
		expect.soft(scripts, `${url} script-src`).not.toContain('unsafe-inline');
		expect.soft(csp, `${url} CSP`).toContain("frame-ancestors 'none'");
		expect.soft(headers['x-content-type-options'], url).toBe('nosniff');
		expect.soft(headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
		expect.soft(headers['permissions-policy'], url).toContain('camera=()');
	}
});

test('no page breaks its own Content Security Policy', async ({ page, request }) => {
	const violations: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
	});
	for (const url of await pages(request)) {
		await page.goto(url);
		await page.waitForLoadState('networkidle');
	}
	expect(violations).toEqual([]);
});

const HOSTILE = `<script>document.title='pwned'</script><img src=x onerror="document.title='pwned'"> "><svg onload=alert(1)> <a href="https://example.com/win">prize</a> https://example.com/win`;

for (const javaScriptEnabled of [true, false]) {
	test(`a hostile comment comes back as plain text (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled });
		const page = await context.newPage();
		let dialogs = 0;
		page.on('dialog', (d) => {
			dialogs++;
			void d.dismiss();
		});
		await page.goto('/en/guides/calf-cramps');
		await page.locator('#feedback').getByRole('button', { name: 'No' }).click();
		// Over the limit, so the server (JS off) or the widget (JS on) shows it again for fixing.
		const comment = `${HOSTILE} ${'z'.repeat(2000)}`;
		await page.locator('#feedback textarea').fill(comment);
		await page.locator('#feedback').getByRole('button', { name: 'Send' }).click();
		await expect(page.locator('#feedback [role="alert"]').first()).toContainText('2000');
		await expect(page.locator('#feedback textarea')).toHaveValue(comment);
		expect(await page.title()).not.toBe('pwned');
		await expect(page.locator('#feedback img, #feedback svg, #feedback script, a[href^="https://example.com"]')).toHaveCount(0);
		expect(dialogs).toBe(0);
		await context.close();
	});
}
