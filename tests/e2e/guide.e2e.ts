import { expect, test, type Page } from '@playwright/test';
import { SEED_FACTS } from './seed-facts';

for (const lang of ['en', 'ru'] as const) {
	test.describe(`the calf-cramp guide in ${lang}`, () => {
		// These checks only read the page: one load per language serves them all (a page and a
		// load each cost a worker seconds), in one worker, in order.
		test.describe.configure({ mode: 'serial' });
		let page: Page;
		test.beforeAll(async ({ browser }) => {
			page = await browser.newPage();
			await page.goto(`/${lang}/guides/calf-cramps`);
		});
		test.afterAll(async () => {
			await page.close();
		});

		test('renders every seed fact under its anchor', async () => {
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			for (const [kind, ids] of Object.entries(SEED_FACTS)) {
				for (const id of ids) {
					const item = page.locator(`#${kind}-${id}`);
					await expect(item, `${kind} ${id}`).toHaveAttribute('data-id', id);
					await expect(item).not.toBeEmpty();
				}
			}
		});

		test('shows the urgent signs before any exercise', async () => {
			const order = await page.evaluate(() => {
				const all = [...document.querySelectorAll('[data-level="emergency"], [data-level="urgent"], .exercise')];
				return all.map((el) => (el.classList.contains('exercise') ? 'exercise' : 'urgent'));
			});
			expect(order.indexOf('exercise')).toBeGreaterThan(order.lastIndexOf('urgent'));
			await expect(page.locator('#care-emergency-chest .care-prefix')).toBeVisible();
		});

		test('marks the pin prick as not recommended and gives no steps for it', async () => {
			const pin = page.locator('#exercise-pin-prick');
			await expect(pin).toHaveAttribute('data-status', 'not-recommended');
			await expect(pin.locator('.badge-against')).toBeVisible();
			await expect(pin.locator('ol.steps')).toHaveCount(0);
			await expect(pin.locator('.reason')).not.toBeEmpty();
		});

		test('gives each recommended exercise its steps and dose', async () => {
			for (const id of SEED_FACTS.exercise.filter((e) => e !== 'pin-prick')) {
				await expect(page.locator(`#exercise-${id} ol.steps li`).first()).toBeVisible();
				await expect(page.locator(`#exercise-${id} .dose`)).toContainText(/\d/);
			}
		});

		test('says in "About this guide" who prepared it, its expert review as the desk records it, what it is based on and when it changed', async () => {
			const about = page.locator('#about');
			await expect(about.locator('h2')).toHaveText(lang === 'en' ? 'About this guide' : 'Об этой статье');
			await expect(about.locator('dt')).toHaveCount(4);
			await expect(about.locator('dd').first()).toContainText('FitNavigator');
			// No reviewer from the content files: the same desk slot as under the title, unsigned on this server.
			const review = about.locator('[data-review-slot]');
			await expect(review).toHaveText(lang === 'en' ? /awaiting expert review$/ : /ждёт проверки экспертом$/);
			await expect(review).toHaveText((await page.locator('.review-line').textContent())!);
			await expect(about.locator('dd').last()).toContainText('2026');
		});

		test('shows readers no editing notes', async () => {
			const text = await page.locator('main').innerText();
			expect(text).not.toMatch(/not in the original|added from the|нет в исходной|добавлено по|мы добавили/i);
		});

		test('says for each source what it is cited for, and links documents rather than home pages', async () => {
			const items = page.locator('#sources li');
			expect(await items.count()).toBeGreaterThanOrEqual(5);
			for (const item of await items.all()) await expect(item.locator('.cited-for')).toContainText(/\p{L}{3,}.*\p{L}{3,}/u);
			const hrefs = await page.locator('#sources li a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href)));
			expect(hrefs.length).toBeGreaterThanOrEqual(5);
			for (const url of hrefs) expect(url.pathname.replace(/\/$/, ''), url.href).not.toBe('');
			await expect(page.locator('#source-cochrane-nondrug-2021 a')).toHaveAttribute('href', /CD008496\.pub3$/);
		});

		test('lists up to four related guides, never itself', async () => {
			const slugs = await page.locator('#related li').evaluateAll((els) => els.map((e) => e.getAttribute('data-slug')));
			expect(slugs.length).toBeGreaterThan(0);
			expect(slugs.length).toBeLessThanOrEqual(4);
			expect(slugs).not.toContain('calf-cramps');
		});
	});
}

test('Russian pages give source titles in Russian with the original beside them', async ({ page }) => {
	await page.goto('/ru/guides/calf-cramps');
	const nhs = page.locator('#source-nhs-leg-cramps');
	await expect(nhs.locator('a')).toHaveText('Судороги в ногах');
	await expect(nhs.locator('.original [lang="en"]')).toHaveText('Leg cramps');
	await expect(nhs).toContainText('Судороги в ногах (оригинальное название: Leg cramps). NHS.');
	await expect(nhs.locator('.cited-for')).toContainText('судорог');
	// The original article is in Russian: a Russian reader sees its title once.
	await expect(page.locator('#source-fitnavigator-original .original')).toHaveCount(0);
	await page.goto('/en/guides/calf-cramps');
	await expect(page.locator('#source-nhs-leg-cramps .original')).toHaveCount(0);
	await expect(page.locator('#source-fitnavigator-original .original [lang="ru"]')).not.toBeEmpty();
});

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
