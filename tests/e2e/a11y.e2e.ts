import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const pages = async (request: import('@playwright/test').APIRequestContext) => {
	const paths = ['/en', '/ru', '/en/guides', '/ru/guides', '/en/guides/calf-cramps/feedback', '/ru/guides/calf-cramps/feedback'];
	for (const lang of ['en', 'ru']) {
		const { guides } = await (await request.get(`/api/v1/guides?lang=${lang}`)).json();
		paths.push(...guides.map((g: { slug: string }) => `/${lang}/guides/${g.slug}`));
	}
	return paths;
};

test('every page has no serious or critical axe violations, light and dark', async ({ page, request }) => {
	test.setTimeout(120_000);
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		for (const path of await pages(request)) {
			await page.goto(path);
			const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
			const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
			expect(bad.map((v) => `${path} (${colorScheme}): ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		}
	}
});

test('the feedback comment step is accessible', async ({ page }) => {
	await page.goto('/en/guides/calf-cramps');
	await page.locator('#feedback').getByRole('button', { name: 'No' }).click();
	await expect(page.locator('#feedback textarea')).toBeVisible();
	const { violations } = await new AxeBuilder({ page }).include('#feedback').analyze();
	expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
