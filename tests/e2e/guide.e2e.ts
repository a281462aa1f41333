import { expect, test } from '@playwright/test';
import { SEED_FACTS } from './seed-facts';

for (const lang of ['en', 'ru'] as const) {
	test.describe(`the calf-cramp guide in ${lang}`, () => {
		test.beforeEach(async ({ page }) => {
			await page.goto(`/${lang}/guides/calf-cramps`);
		});

		test('renders every seed fact under its anchor', async ({ page }) => {
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			for (const [kind, ids] of Object.entries(SEED_FACTS)) {
				for (const id of ids) {
					const item = page.locator(`#${kind}-${id}`);
					await expect(item, `${kind} ${id}`).toHaveAttribute('data-id', id);
					await expect(item).not.toBeEmpty();
				}
			}
		});

		test('shows the urgent signs before any exercise', async ({ page }) => {
			const order = await page.evaluate(() => {
				const all = [...document.querySelectorAll('[data-level="emergency"], [data-level="urgent"], .exercise')];
				return all.map((el) => (el.classList.contains('exercise') ? 'exercise' : 'urgent'));
			});
			expect(order.indexOf('exercise')).toBeGreaterThan(order.lastIndexOf('urgent'));
			await expect(page.locator('#care-emergency-chest .care-prefix')).toBeVisible();
		});

		test('marks the pin prick as not recommended and gives no steps for it', async ({ page }) => {
			const pin = page.locator('#exercise-pin-prick');
			await expect(pin).toHaveAttribute('data-status', 'not-recommended');
			await expect(pin.locator('.badge-against')).toBeVisible();
			await expect(pin.locator('ol.steps')).toHaveCount(0);
			await expect(pin.locator('.reason')).not.toBeEmpty();
		});

		test('gives each recommended exercise its steps and dose', async ({ page }) => {
			for (const id of SEED_FACTS.exercise.filter((e) => e !== 'pin-prick')) {
				await expect(page.locator(`#exercise-${id} ol.steps li`).first()).toBeVisible();
				await expect(page.locator(`#exercise-${id} .dose`)).toContainText(/\d/);
			}
		});

		test('names who prepared and reviewed it, when, and its sources', async ({ page }) => {
			await expect(page.locator('#team dd')).toHaveCount(2);
			await expect(page.locator('.meta')).toContainText('2026');
			expect(await page.locator('#sources li a[href^="https://"]').count()).toBeGreaterThanOrEqual(3);
		});

		test('lists up to four related guides, never itself', async ({ page }) => {
			const slugs = await page.locator('#related li').evaluateAll((els) => els.map((e) => e.getAttribute('data-slug')));
			expect(slugs.length).toBeGreaterThan(0);
			expect(slugs.length).toBeLessThanOrEqual(4);
			expect(slugs).not.toContain('calf-cramps');
		});
	});
}

test('/ sends the reader to their language', async ({ browser }) => {
	for (const [locale, lang] of [
		['ru-RU', 'ru'],
		['en-US', 'en'],
		['de-DE', 'en']
	]) {
		const context = await browser.newContext({ locale });
		const page = await context.newPage();
		await page.goto('/');
		await expect(page).toHaveURL(`/${lang}`);
		await context.close();
	}
});

test('the language switch keeps the reader on the same guide', async ({ page }) => {
	await page.goto('/en/guides/calf-cramps');
	await page.getByRole('link', { name: 'Русский' }).click();
	await expect(page).toHaveURL('/ru/guides/calf-cramps');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL('/en/guides/calf-cramps');
});

test('the library lists at least six guides in each language, each readable', async ({ page }) => {
	for (const lang of ['en', 'ru']) {
		await page.goto(`/${lang}/guides`);
		const links = await page.locator('.cards h2 a').evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).pathname));
		expect(links.length).toBeGreaterThanOrEqual(6);
		for (const href of links) {
			const res = await page.goto(href);
			expect(res?.status(), href).toBe(200);
			await expect(page.locator('h1')).not.toBeEmpty();
			await expect(page.locator('#sources li').first()).toBeVisible();
		}
	}
});
