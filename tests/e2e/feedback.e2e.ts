import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { e2eDatabaseUrl, queryE2e } from './database';
import { expectMatchesOpenApi } from './openapi';

// Each group votes on a guide no other test file touches, so "before + 1" cannot race.
const GUIDE = { on: 'night-leg-cramps', off: 'swimming-cramps' } as const;

async function summary(request: APIRequestContext, slug: string): Promise<{ yes: number; no: number }> {
	const res = await request.get(`/api/v1/guides/${slug}/feedback/summary`);
	expect(res.status()).toBe(200);
	await expectMatchesOpenApi(request, 'get', '/api/v1/guides/{slug}/feedback/summary', res);
	return res.json();
}

/** The stored row, read from PostgreSQL directly (only possible there: PGlite is held by the server). */
async function expectStored(guide: string, comment: string, helpful: boolean, lang: string) {
	const rows = await queryE2e<{ guide: string; lang: string; helpful: boolean }>(
		'select guide, lang, helpful from feedback where comment = $1',
		[comment]
	);
	expect(rows).toEqual([{ guide, lang, helpful }]);
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
	const guide = GUIDE[javaScriptEnabled ? 'on' : 'off'];
	test.describe(`feedback with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		test.describe.configure({ mode: 'serial' });

		test('yes → thanks, counted', async ({ page, request }) => {
			const before = await summary(request, guide);
			await page.goto(`/en/guides/${guide}`);
			await page.locator('#feedback').getByRole('button', { name: 'Yes' }).click();
			await expect(page.locator('#feedback [role="status"]')).toHaveText('Thank you for your feedback!');
			// With JS on the page never reloads; with it off the form post answers with a page.
			await expect(page).toHaveURL(javaScriptEnabled ? `/en/guides/${guide}` : `/en/guides/${guide}/feedback`);
			expect((await summary(request, guide)).yes).toBe(before.yes + 1);
		});

		test('no → what should we improve → thanks, counted', async ({ page, request }) => {
			const comment = `Нужны картинки <b>${javaScriptEnabled ? 'js' : 'nojs'}</b> ${Date.now()}`;
			const before = await summary(request, guide);
			await page.goto(`/ru/guides/${guide}`);
			await answerNo(page, comment);
			expect((await summary(request, guide)).no).toBe(before.no + 1);
		});

		test('the comment is stored with the vote, as typed', async ({ page }) => {
			test.skip(!e2eDatabaseUrl(), 'needs TEST_DATABASE_URL: the rows are read from PostgreSQL (PGlite is held by the server)');
			const comment = `Нужны картинки <b>${javaScriptEnabled ? 'js' : 'nojs'}</b> ${Date.now()}`;
			await page.goto(`/ru/guides/${guide}`);
			await answerNo(page, comment);
			await expectStored(guide, comment, false, 'ru');
		});

		test('an over-long comment is refused, kept, and can be fixed', async ({ page, request }) => {
			const before = await summary(request, guide);
			await page.goto(`/en/guides/${guide}`);
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
			// Refused once, stored once.
			expect((await summary(request, guide)).no).toBe(before.no + 1);
		});
	});
}
