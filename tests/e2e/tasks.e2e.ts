// The reader's three tasks on a phone (390 × 844), in both languages and themes, JS on: each
// counts its taps and fails over budget, and saves a screenshot of every screen it passes
// (test-results/tasks/, git-ignored) for people to look at. Then the floating "Cramp now"
// button: clear of every focusable element, absent on urgent answers, early in the tab order.
import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';

const PHONE = { width: 390, height: 844 };
const SHOTS = 'test-results/tasks';
mkdirSync(SHOTS, { recursive: true });

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

/** Taps (clicks) counted against a budget; a screenshot of each screen on the way. */
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
		await this.page.screenshot({ path: `${SHOTS}/${this.name}-${++this.shots}-${screen}.png` });
	}
}

for (const lang of ['en', 'ru'] as const)
	for (const colorScheme of ['light', 'dark'] as const)
		test.describe(`tasks on a phone, ${lang}, ${colorScheme}`, () => {
			test.use({ viewport: PHONE, colorScheme });
			const T = TEXT[lang];

			test('(a) home → first exercise running in ≤ 3 taps', async ({ page }) => {
				const task = new Task(page, `a-first-aid-${lang}-${colorScheme}`, 3);
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
				await expect(timer).not.toHaveText(shown ?? '', { timeout: 15_000 });
				await task.shot('running');
			});

			test('(b) home → check → result → plan saved in ≤ 8 taps, "Save as my plan" on the first screen', async ({ page }) => {
				const task = new Task(page, `b-plan-${lang}-${colorScheme}`, 8);
				await page.goto(`/${lang}`);
				await task.shot('home');
				await task.tap(page.getByRole('link', { name: T.checkCard }));
				await expect(page).toHaveURL(`/${lang}/check`);
				await task.shot('check');
				await task.tap(page.locator('#situation-night'));
				await task.tap(page.locator('#durationMinutes-5'));
				await task.tap(page.locator('#perWeek-3'));
				await task.tap(page.locator('form.check-form button[type="submit"]'));
				await expect(page.locator('#result-title')).toBeVisible();
				const save = page.locator('.save-plan button');
				await expect(save).toBeInViewport({ ratio: 1 });
				await task.shot('result');
				await task.tap(save);
				await task.tap(page.getByRole('link', { name: T.openPlan }));
				await expect(page).toHaveURL(`/${lang}/plan`);
				await expect(page.locator('.plan-item').first()).toBeVisible();
				await task.shot('plan');
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

/**
 * For every focusable element: focus it (the browser scrolls it into view as for a keyboard
 * user) and measure it against the floating button; at the top and at the very bottom of the
 * page, measure every focusable element on screen. Returns the overlaps found.
 */
async function overlapsOfCrampNow(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
		const button = document.querySelector<HTMLElement>('.cramp-now');
		if (!button) return ['no floating button on this page'];
		const focusables = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
			// checkVisibility: what a folded <details> holds has boxes but is not on screen.
			(el) => el !== button && el.tabIndex >= 0 && el.checkVisibility()
		);
		const name = (el: HTMLElement) => `${el.tagName.toLowerCase()} "${(el.textContent || el.id).trim().slice(0, 40)}"`;
		// Overlap on screen: both boxes clipped to the viewport (a button parked below the edge covers nothing).
		const hit = (a: DOMRect, b: DOMRect) => {
			const top = Math.max(a.top, b.top, 0);
			const bottom = Math.min(a.bottom, b.bottom, innerHeight);
			return a.width > 0 && a.left < b.right && b.left < a.right && top < bottom;
		};
		const found: string[] = [];
		const onScreen = async (where: string) => {
			await frame();
			const b = button.getBoundingClientRect();
			for (const el of focusables) if (hit(b, el.getBoundingClientRect())) found.push(`${where}: ${name(el)}`);
		};
		window.scrollTo(0, 0);
		await onScreen('top');
		for (const el of focusables) {
			el.focus();
			await frame();
			if (hit(button.getBoundingClientRect(), el.getBoundingClientRect())) found.push(`focused: ${name(el)}`);
		}
		(document.activeElement as HTMLElement | null)?.blur();
		window.scrollTo(0, document.documentElement.scrollHeight);
		await onScreen('bottom');
		return found;
	});
}

test.describe('the floating "Cramp now" button', () => {
	for (const width of [320, 390])
		test(`never covers a focusable element (${width} px)`, async ({ page }) => {
			test.setTimeout(120_000);
			await page.setViewportSize({ width, height: 844 });
			for (const lang of ['en', 'ru']) {
				for (const path of [
					`/${lang}`,
					`/${lang}/guides`,
					`/${lang}/guides/calf-cramps`,
					`/${lang}/check`,
					`/${lang}/plan`,
					`/${lang}/no-such-page`
				]) {
					await page.goto(path);
					expect(await overlapsOfCrampNow(page), path).toEqual([]);
				}
				await page.goto(`/${lang}/check`);
				await page.check('#situation-night');
				await page.check('#durationMinutes-5');
				await page.check('#perWeek-1');
				await page.locator('form.check-form button[type="submit"]').click();
				await expect(page.locator('#result-title')).toBeVisible();
				expect(await overlapsOfCrampNow(page), `${lang} result`).toEqual([]);
				await page.goto(`/${lang}/guides/calf-cramps`);
				await page
					.locator('#feedback')
					.getByRole('button', { name: lang === 'en' ? 'No' : 'Нет', exact: true })
					.click();
				await expect(page.locator('#feedback textarea')).toBeVisible();
				expect(await overlapsOfCrampNow(page), `${lang} feedback comment`).toEqual([]);
			}
		});

	for (const javaScriptEnabled of [true, false])
		test(`is absent on urgent and emergency answers, JS ${javaScriptEnabled ? 'on' : 'off'}`, async ({ browser }) => {
			const context = await browser.newContext({ javaScriptEnabled, viewport: PHONE });
			const page = await context.newPage();
			for (const sign of ['swelling', 'chest-pain']) {
				await page.goto('/en/check');
				await page.check('#situation-night');
				await page.check('#durationMinutes-5');
				await page.check('#perWeek-1');
				await page.check(`#signs-${sign}`);
				await page.locator('form.check-form button[type="submit"]').click();
				await expect(page.locator('.assessment')).toHaveAttribute('data-urgency', sign === 'swelling' ? 'urgent' : 'emergency');
				await expect(page.locator('.cramp-now')).toHaveCount(0);
			}
			// …and back on a non-urgent answer.
			await page.goto('/en/check');
			await page.check('#situation-night');
			await page.check('#durationMinutes-5');
			await page.check('#perWeek-1');
			await page.locator('form.check-form button[type="submit"]').click();
			await expect(page.locator('.assessment')).toHaveAttribute('data-urgency', /self-care|see-doctor/);
			await expect(page.locator('.cramp-now')).toHaveCount(1);
			await context.close();
		});

	test('comes second in keyboard order, after the skip link, and shows when focused', async ({ page }) => {
		await page.setViewportSize(PHONE);
		await page.goto('/ru/guides/calf-cramps');
		await page.keyboard.press('Tab');
		await expect(page.locator('.skip')).toBeFocused();
		await page.keyboard.press('Tab');
		const button = page.getByRole('complementary', { name: 'Помощь при судороге' }).getByRole('link', { name: 'Свело ногу' });
		await expect(button).toBeFocused();
		await expect(button).toBeInViewport({ ratio: 1 });
	});
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
