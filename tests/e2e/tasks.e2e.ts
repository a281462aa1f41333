// The reader's three tasks on a phone (390 × 844), in both languages, JS on: each counts its
// taps and fails over budget. With SCREENSHOTS=1 it also saves a screenshot of every screen it
// passes (test-results/tasks/, git-ignored) for people to look at, in the dark scheme too.
// Behaviour runs in the light scheme only: the dark scheme is colours, which the axe passes in
// a11y, first-aid, check and diary check in both schemes. Then "Cramp now": in the header,
// nothing floating over the text at any zoom; and the self-check's taps and seconds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { takeCheck } from './check-flow';

const PHONE = { width: 390, height: 844 };
const SHOTS = 'test-results/tasks';
mkdirSync(SHOTS, { recursive: true });
/** Screenshots are for people to look at; nothing checks them, so a normal run does not take them. */
const SCREENSHOTS = process.env.SCREENSHOTS === '1';

const TEXT = {
	en: {
		firstAidCard: 'A cramp right now',
		checkCard: 'Cramps keep coming back',
		none: /None of these/,
		bed: 'In bed',
		no: 'No',
		send: 'Send',
		thanks: 'Thank you for your feedback!',
		readBy: 'The editorial team reads every comment',
		left: 'You have 1979 characters remaining',
		openPlan: 'Open your plan'
	},
	ru: {
		firstAidCard: 'Судорога прямо сейчас',
		checkCard: 'Судороги повторяются',
		none: /Ничего из этого/,
		bed: 'В постели',
		no: 'Нет',
		send: 'Отправить',
		thanks: 'Спасибо за отзыв!',
		readBy: 'Редакция читает каждый комментарий',
		left: 'Осталось символов: 1979',
		openPlan: 'Открыть мой план'
	}
} as const;

/** Taps (clicks) counted against a budget; a screenshot of each screen on the way (SCREENSHOTS=1). */
class Task {
	taps = 0;
	private shots = 0;
	constructor(
		private page: Page,
		private name: string,
		private budget: number
	) {}
	async tap(target: Locator) {
		await target.click();
		this.taps++;
		expect(this.taps, `${this.name}: over its budget of ${this.budget} taps`).toBeLessThanOrEqual(this.budget);
	}
	async shot(screen: string) {
		if (SCREENSHOTS) await this.page.screenshot({ path: `${SHOTS}/${this.name}-${++this.shots}-${screen}.png` });
	}
}

for (const lang of ['en', 'ru'] as const)
	for (const colorScheme of SCREENSHOTS ? (['light', 'dark'] as const) : (['light'] as const))
		test.describe(`tasks on a phone, ${lang}, ${colorScheme}`, () => {
			test.use({ viewport: PHONE, colorScheme });
			const T = TEXT[lang];

			test('(a) home → first exercise running in ≤ 3 taps', async ({ page }) => {
				const task = new Task(page, `a-first-aid-${lang}-${colorScheme}`, 3);
				// Fake time, so the 10 s count-in is stepped over rather than waited out.
				await page.clock.install();
				await page.goto(`/${lang}`);
				await task.shot('home');
				await task.tap(page.getByRole('link', { name: T.firstAidCard }));
				await expect(page).toHaveURL(`/${lang}/first-aid`);
				await task.shot('signs');
				await task.tap(page.getByRole('button', { name: T.none }));
				await task.shot('situation');
				await task.tap(page.getByRole('button', { name: T.bed, exact: true }));
				// Running: the timer is on screen and counting down, with no further tap.
				const timer = page.getByRole('timer');
				await expect(timer).toBeInViewport();
				// First aid counts in for 10 s (a visible count-in, no tap), then the timer moves.
				const shown = await timer.textContent();
				await page.clock.runFor(11_000);
				await expect(timer).not.toHaveText(shown ?? '');
				await task.shot('running');
			});

			// One question a page (GOV.UK): more taps than one long form, each an obvious one.
			test('(b) home → check → result → plan saved in ≤ 22 taps, "Save as my plan" on the first screen', async ({ page }) => {
				const task = new Task(page, `b-plan-${lang}-${colorScheme}`, 22);
				await page.goto(`/${lang}`);
				await task.shot('home');
				await task.tap(page.getByRole('link', { name: T.checkCard }));
				await expect(page).toHaveURL(`/${lang}/check`);
				await task.shot('check');
				await takeCheck(page, lang, { situation: 'night', minutes: '5', perWeek: '3' }, async (target) => {
					await task.tap(target);
					await task.shot(new URL(page.url()).pathname.split('/').at(-1)!);
				});
				const save = page.locator('.save-plan button');
				await expect(save).toBeInViewport({ ratio: 1 });
				await task.shot('result');
				await task.tap(save);
				await task.tap(page.getByRole('link', { name: T.openPlan }));
				await expect(page).toHaveURL(`/${lang}/plan`);
				await expect(page.locator('.plan-item').first()).toBeVisible();
				await task.shot('plan');
			});

			// The clot-watch answer carries the most above its button: its signs and the midwife come first, and
			// the button follows them (on the second screen in both languages), as safety comes before saving.
			test('[H-18.2] a pregnant reader with no other answers: how urgent, why and what to do now on the first screen, the clot signs before "Save as my plan"', async ({
				page
			}) => {
				await takeCheck(page, lang, { situation: 'other', minutes: 'unsure', perWeek: 'unsure', factors: ['pregnancy'] });
				const answer = page.locator('.assessment .answer');
				await expect(answer).toHaveAttribute('data-id', 'self-care-clot-watch');
				await page.evaluate(() => window.scrollTo(0, 0));
				await expect(answer.locator('.care-heading')).toBeInViewport({ ratio: 1 });
				await expect(answer.locator('.now')).toBeInViewport();
				const lastSign = await answer.locator('.now li').last().boundingBox();
				const save = await page.locator('.save-plan button').boundingBox();
				expect(lastSign!.y + lastSign!.height).toBeLessThanOrEqual(save!.y);
			});

			test('(c) guide → "No" → comment sent → thank-you with next steps', async ({ page }) => {
				const task = new Task(page, `c-feedback-${lang}-${colorScheme}`, 3);
				await page.goto(`/${lang}/guides/calf-cramps`);
				const feedback = page.locator('#feedback');
				await feedback.scrollIntoViewIfNeeded();
				await task.shot('question');
				await task.tap(feedback.getByRole('button', { name: T.no, exact: true }));
				// After "No": the next steps are offered straight away, beside the comment box.
				await expect(feedback.locator(`a[href="/${lang}/check"]`)).toBeVisible();
				await expect(feedback.locator(`a[href="/${lang}/first-aid"]`)).toBeVisible();
				const box = feedback.locator('textarea');
				await task.tap(box);
				await box.pressSequentially('More pictures, please');
				await expect(feedback.locator('#feedback-comment-count')).toHaveText(T.left);
				await task.shot('comment');
				await task.tap(feedback.getByRole('button', { name: T.send }));
				await expect(feedback.getByRole('status')).toHaveText(T.thanks);
				await expect(feedback).toContainText(T.readBy);
				await expect(feedback.locator(`a[href="/${lang}/check"]`)).toBeVisible();
				await expect(feedback.locator(`a[href="/${lang}/first-aid"]`)).toBeVisible();
				await task.shot('thanks');
			});
		});

/** Elements drawn over the page as it scrolls (fixed or sticky): none may exist, so none can cover text. */
const floating = (page: Page) =>
	page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('body *')]
			.filter((el) => ['fixed', 'sticky'].includes(getComputedStyle(el).position) && el.checkVisibility())
			.map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
	);

test.describe('"Cramp now"', () => {
	// 390 px at 100 %, 200 % and 400 % zoom: the CSS viewport a phone's zoom leaves.
	for (const zoom of [1, 2, 4])
		test(`[H-46.1] is in the header of every reader page and nothing floats over the text (${zoom * 100} % zoom)`, async ({ page }) => {
			test.setTimeout(120_000);
			await page.setViewportSize({ width: Math.round(390 / zoom), height: Math.round(844 / zoom) });
			for (const lang of ['en', 'ru'] as const) {
				for (const path of [
					`/${lang}`,
					`/${lang}/guides`,
					`/${lang}/guides/calf-cramps`,
					`/${lang}/check`,
					`/${lang}/check/signs-leg`,
					`/${lang}/plan`,
					`/${lang}/diary`,
					`/${lang}/first-aid`,
					`/${lang}/no-such-page`
				]) {
					await page.goto(path);
					const header = page.locator('.site-header .nav-first-aid');
					await expect(header, path).toHaveAttribute('href', `/${lang}/first-aid`);
					expect(await floating(page), path).toEqual([]);
				}
				await takeCheck(page, lang, { situation: 'night', minutes: '5', perWeek: '1', signs: ['breathlessness'] });
				expect(await floating(page), `${lang} emergency result`).toEqual([]);
			}
		});

	test('is on the home page as its first task', async ({ page }) => {
		for (const lang of ['en', 'ru'] as const) {
			await page.goto(`/${lang}`);
			await expect(page.locator('main a[href$="/first-aid"]').first()).toContainText(TEXT[lang].firstAidCard);
		}
	});
});

// The self-check's cost, measured: taps and seconds from "Start now" to the result, JS on and off,
// written to test-results/tasks/check-timing.json (the start page makes no time claim).
for (const javaScriptEnabled of [true, false])
	test(`the self-check in question pages: taps and seconds, JS ${javaScriptEnabled ? 'on' : 'off'}`, async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled, viewport: PHONE });
		const page = await context.newPage();
		let taps = 0;
		const started = Date.now();
		await takeCheck(page, 'en', { situation: 'sport', minutes: '1', perWeek: '0', factors: ['intense-exercise'] }, async (target) => {
			await target.click();
			taps++;
		});
		const seconds = (Date.now() - started) / 1000;
		writeFileSync(`${SHOTS}/check-timing-js-${javaScriptEnabled ? 'on' : 'off'}.json`, JSON.stringify({ taps, seconds }));
		// 1 start + 8 questions (choice + Continue) + "See my result"
		expect(taps).toBe(18);
		expect(seconds).toBeLessThan(60);
		await context.close();
	});

test('the header names every task, marks the current one and fits 320 px in both languages', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 700 });
	for (const lang of ['en', 'ru']) {
		await page.goto(`/${lang}/guides`);
		const nav = page.getByRole('navigation');
		const links = nav.getByRole('link');
		await expect(links).toHaveCount(5);
		await expect(nav.locator('[aria-current]')).toHaveAttribute('href', `/${lang}/guides`);
		// Nothing wider than the screen, and every task a 44 px tap target on at most two rows.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		const boxes = await links.evaluateAll((els) =>
			els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, right: r.right, height: r.height }))
		);
		for (const b of boxes) {
			expect(b.right).toBeLessThanOrEqual(320);
			expect(b.height).toBeGreaterThanOrEqual(44);
		}
		expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBeLessThanOrEqual(2);
		await page.goto(`/${lang}/guides/calf-cramps`);
		await expect(nav.locator('[aria-current]')).toHaveAttribute('href', `/${lang}/guides`);
	}
});

for (const javaScriptEnabled of [true, false])
	test(`feedback after "No": next steps, a character count and the error beside the box, JS ${javaScriptEnabled ? 'on' : 'off'}`, async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled, viewport: PHONE });
		const page = await context.newPage();
		// Not a guide whose votes feedback.e2e.ts counts (the suites run in parallel).
		await page.goto('/ru/guides/calf-stretching-routine');
		const feedback = page.locator('#feedback');
		await feedback.getByRole('button', { name: 'Нет', exact: true }).click();
		await expect(feedback.locator('a[href="/ru/check"]')).toBeVisible();
		await expect(feedback.locator('a[href="/ru/first-aid"]')).toBeVisible();
		await expect(feedback.locator('#feedback-comment-count')).toHaveText('Осталось символов: 2000');
		await feedback.locator('textarea').fill('я'.repeat(2100));
		await feedback.getByRole('button', { name: 'Отправить' }).click();
		// The error stands next to the box (and is read with it), the count says how much to cut.
		const inline = feedback.locator('#feedback-comment-error');
		await expect(inline).toContainText('2000');
		await expect(feedback.locator('textarea')).toHaveAttribute('aria-describedby', /feedback-comment-error/);
		await expect(feedback.locator('#feedback-comment-count')).toHaveText('Лишних символов: 100');
		await feedback.locator('textarea').fill('Нужны картинки');
		await feedback.getByRole('button', { name: 'Отправить' }).click();
		await expect(feedback.getByRole('status')).toHaveText('Спасибо за отзыв!');
		await expect(feedback).toContainText('Редакция читает каждый комментарий');
		await expect(feedback.locator('a[href="/ru/first-aid"]')).toBeVisible();
		await context.close();
	});
