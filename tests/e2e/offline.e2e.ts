// Every reader page after one visit, with no signal (JavaScript on: the service worker needs it).
// One visit is one page: the service worker keeps the rest as it installs.
import { expect, test } from '@playwright/test';
import { takeCheck } from './check-flow';
import { goOffline } from './offline';

// The service worker is what these tests are about (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

const ANSWERED = 'situation=night&durationMinutes=5&perWeek=3&ageGroup=adult&none=injury&none=body&none=factors&signs=swelling';

test('[H-47.1] after one visit every reader page opens offline, in both languages, and anything else is our offline page', async ({
	page,
	context,
	request
}) => {
	test.setTimeout(180_000);
	const guides: Record<string, string[]> = {};
	for (const lang of ['en', 'ru'])
		guides[lang] = ((await (await request.get(`/api/v1/guides?lang=${lang}`)).json()).guides as { slug: string }[]).map((g) => g.slug);
	await page.goto('/en');
	await page.evaluate(async () => void (await navigator.serviceWorker.ready));
	await goOffline(page, context);

	// `/`, where the installed app opens, sends the reader to their language without the server
	await page.goto('/');
	await expect(page).toHaveURL(/\/(en|ru)$/);
	for (const lang of ['en', 'ru']) {
		const paths = [
			`/${lang}`,
			`/${lang}/check`,
			`/${lang}/check/situation`,
			`/${lang}/check/signs-leg?situation=night`,
			`/${lang}/check/answers?${ANSWERED}`,
			`/${lang}/plan`,
			`/${lang}/guides`,
			...guides[lang].map((slug) => `/${lang}/guides/${slug}`),
			`/${lang}/first-aid`,
			`/${lang}/first-aid/water`,
			`/${lang}/diary`,
			`/${lang}/diary/report`
		];
		for (const path of paths) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(200);
			await expect(page.locator('h1').first(), path).toBeVisible();
			await expect(page.locator('h1').first(), path).not.toHaveText(/offline|Нет подключения/);
		}
		// the result is the engine's, run in the page
		await page.goto(`/${lang}/check/result?${ANSWERED}`);
		await expect(page.locator('.assessment'), lang).toHaveAttribute('data-urgency', 'urgent');
		// a page not kept (or not there at all): our page, with the emergency numbers to call
		await page.goto(`/${lang}/no-such-page`);
		await expect(page.locator('h1')).toHaveText(lang === 'en' ? 'You are offline' : 'Нет подключения к интернету');
		await expect(page.locator(`main a[href="tel:${lang === 'en' ? '999' : '103'}"]`)).toBeVisible();
		await expect(page.locator('main a[href="tel:112"]')).toBeVisible();
	}
});

test('[H-47.2] offline, the whole self-check runs from the first question to the result', async ({ page, context }) => {
	await page.goto('/ru');
	await page.evaluate(async () => void (await navigator.serviceWorker.ready));
	await goOffline(page, context);
	for (const lang of ['en', 'ru']) {
		await takeCheck(page, lang, { situation: 'sport', minutes: '20', perWeek: '3', factors: ['intense-exercise'] });
		await expect(page.locator('.reasons li[data-id="long-and-frequent"]')).toBeAttached();
	}
});
