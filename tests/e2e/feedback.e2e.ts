import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { queryE2e } from './database';
// The JS-on and JS-off suites count votes on the same guide: one at a time, or their counts mix.
test.describe.configure({ mode: 'serial' });

const summary = async (request: APIRequestContext, slug: string) =>
	(await (await request.get(`/api/v1/guides/${slug}/feedback/summary`)).json()) as { yes: number; no: number };

/** The stored row, read from PostgreSQL directly when the server runs on it. */
async function expectStored(comment: string, helpful: boolean, lang: string) {
	const rows = await queryE2e<{ guide: string; lang: string; helpful: boolean }>(
		'select guide, lang, helpful from feedback where comment = $1',
		[comment]
	);
	if (rows) expect(rows).toEqual([{ guide: 'night-leg-cramps', lang, helpful }]);
}

async function answerNo(page: Page, comment: string) {
	await page
		.locator('#feedback')
		.getByRole('button', { name: /^(No|Нет)$/ })
		.click();
	await expect(page.locator('#feedback h2')).toHaveText(/Sorry|Жаль/);
	await page.locator('#feedback textarea').fill(comment);
	await page
		.locator('#feedback')
		.getByRole('button', { name: /Send|Отправить/ })
		.click();
	await expect(page.locator('#feedback [role="status"]')).toHaveText(/Thank you|Спасибо/);
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`feedback with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		test.describe.configure({ mode: 'serial' });

		test('yes → thanks, counted', async ({ page, request }) => {
			const before = await summary(request, 'night-leg-cramps');
			await page.goto('/en/guides/night-leg-cramps');
			await page.locator('#feedback').getByRole('button', { name: 'Yes' }).click();
			await expect(page.locator('#feedback [role="status"]')).toHaveText('Thank you for your feedback!');
			// With JS on the page never reloads; with it off the form post answers with a page.
			await expect(page).toHaveURL(javaScriptEnabled ? '/en/guides/night-leg-cramps' : '/en/guides/night-leg-cramps/feedback');
			expect((await summary(request, 'night-leg-cramps')).yes).toBe(before.yes + 1);
		});

		test('no → what should we improve → thanks, stored with the comment', async ({ page, request }) => {
			const comment = `Нужны картинки <b>${javaScriptEnabled ? 'js' : 'nojs'}</b> ${Date.now()}`;
			const before = await summary(request, 'night-leg-cramps');
			await page.goto('/ru/guides/night-leg-cramps');
			await answerNo(page, comment);
			expect((await summary(request, 'night-leg-cramps')).no).toBe(before.no + 1);
			await expectStored(comment, false, 'ru');
		});

		test('an over-long comment is refused, kept, and can be fixed', async ({ page }) => {
			await page.goto('/en/guides/night-leg-cramps');
			await page.locator('#feedback').getByRole('button', { name: 'No' }).click();
			const long = 'z'.repeat(2100);
			await page.locator('#feedback textarea').fill(long);
			await page.locator('#feedback').getByRole('button', { name: 'Send' }).click();
			await expect(page.locator('#feedback [role="alert"]')).toContainText('2000');
			await expect(page.locator('#feedback textarea')).toHaveValue(long);
			const fixed = `short ${Date.now()}`;
			await page.locator('#feedback textarea').fill(fixed);
			await page.locator('#feedback').getByRole('button', { name: 'Send' }).click();
			await expect(page.locator('#feedback [role="status"]')).toBeVisible();
			await expectStored(fixed, false, 'en');
		});
	});
}
