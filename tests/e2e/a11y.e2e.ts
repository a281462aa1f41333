import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { COLOUR_RULES } from './axe-rules';

const pages = async (request: import('@playwright/test').APIRequestContext) => {
	const paths = [
		'/en',
		'/ru',
		'/en/guides',
		'/ru/guides',
		'/en/guides/calf-cramps/feedback',
		'/ru/guides/calf-cramps/feedback',
		'/en/check',
		'/ru/check',
		'/en/check/situation',
		'/ru/check/situation',
		'/en/check/signs-body?situation=night&durationMinutes=5&perWeek=1&none=factors&none=leg&none=injury',
		'/ru/check/signs-body?situation=night&durationMinutes=5&perWeek=1&none=factors&none=leg&none=injury',
		'/en/offline',
		'/ru/offline',
		'/en/plan',
		'/ru/plan'
		// The 404 page: errors.e2e.ts scans it in both schemes, with every rule.
	];
	for (const lang of ['en', 'ru']) {
		const { guides } = await (await request.get(`/api/v1/guides?lang=${lang}`)).json();
		paths.push(...guides.map((g: { slug: string }) => `/${lang}/guides/${g.slug}`));
	}
	return paths;
};

// Each language's pages in PARTS tests (every PARTS-th page from the list), so the two
// workers share the scans instead of one worker running a language's whole list.
const PARTS = 3;
for (const colorScheme of ['light', 'dark'] as const)
	for (const lang of ['en', 'ru'])
		for (let part = 0; part < PARTS; part++)
			test(
				colorScheme === 'light'
					? `every ${lang} page (part ${part + 1} of ${PARTS}) has no serious or critical axe violations and every part in a landmark (light)`
					: `every ${lang} page (part ${part + 1} of ${PARTS}) has no serious or critical colour violations in the dark scheme`,
				async ({ page, request }) => {
					test.setTimeout(180_000);
					await page.emulateMedia({ colorScheme });
					const all = (await pages(request)).filter((p) => p.startsWith(`/${lang}`));
					// Every part has pages to scan, so no part passes by scanning nothing.
					expect(all.length).toBeGreaterThan(PARTS);
					for (const path of all.filter((_, i) => i % PARTS === part)) {
						await page.goto(path);
						// WCAG rules at serious and critical, and the landmark rules (best practice) at any impact:
						// every piece of the page lives in a landmark. In the dark scheme, the colour rules only.
						const axe = new AxeBuilder({ page });
						const { violations } = await (
							colorScheme === 'light'
								? axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
								: axe.withRules(COLOUR_RULES)
						).analyze();
						const bad = violations.filter(
							(v) =>
								(v.tags.some((t) => t.startsWith('wcag')) && (v.impact === 'serious' || v.impact === 'critical')) ||
								v.id === 'region' ||
								v.id.startsWith('landmark')
						);
						expect(bad.map((v) => `${path} (${colorScheme}): ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
					}
				}
			);

// Both schemes: tasks.e2e.ts walks this step in the light scheme only.
for (const colorScheme of ['light', 'dark'] as const)
	test(`the feedback comment step is accessible (${colorScheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		await page.goto('/en/guides/calf-cramps');
		await page.locator('#feedback').getByRole('button', { name: 'No' }).click();
		await expect(page.locator('#feedback textarea')).toBeVisible();
		const { violations } = await new AxeBuilder({ page }).include('#feedback').analyze();
		expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
	});
