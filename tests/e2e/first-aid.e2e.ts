import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxe } from './axe-rules';
import { goOffline } from './offline';

type Spoken = { text: string; lang: string };
declare global {
	interface Window {
		__spoken: Spoken[];
		__device: string[];
	}
}

const TEXT = {
	en: {
		none: /None of these/,
		bed: 'In bed',
		floor: 'I can lie down on the floor',
		toePull: 'Pull your toes back, sitting up in bed',
		pinch: 'Pinch massage',
		start: 'Start now'
	},
	ru: {
		none: /Ничего из этого/,
		bed: 'В постели',
		floor: 'Могу лечь на пол',
		toePull: 'Потяните пальцы ноги на себя, сидя в постели',
		pinch: 'Щипковый массаж',
		start: 'Начать сейчас'
	}
} as const;

/** The test's own speech engine: records what the app asks to say (the app itself is never stubbed). */
async function recordSpeech(page: Page) {
	await page.addInitScript(() => {
		window.__spoken = [];
		class Utterance {
			lang = '';
			constructor(public text: string) {}
		}
		Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
		Object.defineProperty(window, 'speechSynthesis', {
			configurable: true,
			value: {
				speaking: false,
				pending: false,
				speak: (u: Spoken) => window.__spoken.push({ text: u.text, lang: u.lang }),
				cancel: () => {}
			}
		});
	});
}
/** Records screen wake lock and vibration calls (headless Chromium has neither for real). */
async function recordDevice(page: Page) {
	await page.addInitScript(() => {
		window.__device = [];
		const sentinel = { release: async () => void window.__device.push('release') };
		Object.defineProperty(navigator, 'wakeLock', {
			configurable: true,
			value: { request: async (type: string) => (window.__device.push(`lock:${type}`), sentinel) }
		});
		Object.defineProperty(navigator, 'vibrate', {
			configurable: true,
			value: (ms: number) => (window.__device.push(`vibrate:${ms}`), true)
		});
	});
}
const device = (page: Page) => page.evaluate(() => window.__device);

const spoken = (page: Page) => page.evaluate(() => window.__spoken.map((s) => `${s.lang}: ${s.text}`));

/** Fake time that moves only when the test says so, however slow the machine is. */
async function stopTheClock(page: Page) {
	await page.clock.install({ time: new Date('2026-11-27T03:00:00Z') });
	await page.clock.pauseAt(new Date('2026-11-27T03:00:01Z'));
}

const step = (page: Page) => page.locator('.fa-session');
const timer = (page: Page) => page.getByRole('timer');

/** In bed, the hands-free toe pull comes first; its timer waits for "Start", which this taps. */
async function startInBed(page: Page, lang: 'en' | 'ru') {
	await page.getByRole('button', { name: TEXT[lang].none }).click();
	await page.getByRole('button', { name: TEXT[lang].bed }).click();
	await expect(step(page)).toHaveAttribute('data-exercise', 'toe-pull-stretch');
	await expect(page.getByRole('heading', { level: 2 })).toHaveText(TEXT[lang].toePull);
	await expect(step(page)).toHaveAttribute('data-status', 'ready');
	await page.getByRole('button', { name: TEXT[lang].start, exact: true }).click();
	await expect(step(page)).toHaveAttribute('data-status', 'running');
}

/** The step changes exactly at 60 s of running time. */
async function expectStepChangeAtOneMinute(page: Page, lang: 'en' | 'ru') {
	await expect(timer(page)).toHaveText('1:00');
	await page.clock.runFor(59_000);
	await expect(timer(page)).toHaveText('0:01');
	await expect(step(page)).toHaveAttribute('data-exercise', 'toe-pull-stretch');
	await page.clock.runFor(1_000);
	await expect(step(page)).toHaveAttribute('data-exercise', 'pinch-massage');
	await expect(page.getByRole('heading', { level: 2 })).toHaveText(TEXT[lang].pinch);
	await expect(timer(page)).toHaveText('0:15');
}

test('one tap on "Cramp now" from the guide opens first aid with the urgent signs first', async ({ page }) => {
	await page.goto('/en/guides/calf-cramps');
	// At the top of the page the header's "Cramp now" is the one on screen (the floating one waits below).
	await page.getByRole('navigation').getByRole('link', { name: 'Cramp now' }).click();
	await expect(page).toHaveURL('/en/first-aid');
	await expect(page.getByRole('heading', { level: 2 })).toHaveText('First: do you have any of these?');
	await expect(page.locator('.fa-choices .fa-choice').first()).toHaveClass(/fa-sign-emergency/);
	await expect(page.getByRole('complementary', { name: 'Help with a cramp' }).getByRole('link', { name: 'Cramp now' })).toHaveCount(0);
});

const LEVEL_RANK = { emergency: 0, urgent: 1, 'see-doctor': 2, 'self-care': 3 } as const;

// Structure, not wording: the triage content adds and rewords cards with signs.
test('[H-21.1] each urgent sign, most urgent first, leads to its card instead of exercises', async ({ page }) => {
	await page.goto('/en/first-aid');
	// the emergency signs are folded into one line: open it, and it stays open on the way back
	await page.locator('.fa-emergencies summary').click();
	const choices = page.locator('.fa-choices .fa-choice');
	const levels = (await choices.evaluateAll((els) =>
		els.map((e) => /fa-sign-([a-z-]+)/.exec(e.className)?.[1])
	)) as (keyof typeof LEVEL_RANK)[];
	expect(levels.length).toBeGreaterThanOrEqual(2);
	const ranks = levels.map((l) => LEVEL_RANK[l]);
	expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
	for (const [i, level] of levels.entries()) {
		await choices.nth(i).click();
		await expect(page.locator('.care')).toHaveCount(1);
		await expect(page.locator('.care')).toHaveAttribute('data-level', level);
		await expect(page.locator('.fa-session, .exercise')).toHaveCount(0);
		await page.getByRole('button', { name: 'Back to the check' }).click();
		await expect(page.getByRole('button', { name: /None of these/ })).toBeVisible();
	}
});

const CALL = { en: ['999', '112', '911'], ru: ['103', '112'] } as const;

for (const javaScriptEnabled of [true, false]) {
	test(`[H-21.3] the urgent-sign screen calls the emergency number in one tap, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled });
		const page = await context.newPage();
		for (const lang of ['en', 'ru'] as const) {
			await page.goto(`/${lang}/first-aid`);
			const emergency = page.locator('.fa-choices li').filter({ has: page.locator('.fa-sign-emergency') });
			await expect(emergency).not.toHaveCount(0);
			// one call line under the signs: the emergency cards' own "call now", numbers as links
			const calls = page.locator('.fa-flow > section > .fa-call a[href^="tel:"]');
			expect(await calls.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(CALL[lang].map((n) => `tel:${n}`));
			await expect(calls.first()).toBeVisible();
			if (javaScriptEnabled) {
				// On the emergency card's own screen the card's numbers are the one-tap links, each once:
				// the sign list's call box is not repeated there.
				// A sign is a button only once the page has hydrated; before that it is the no-JS link.
				const sign = emergency.first().locator('button.fa-choice');
				await expect(sign).toBeAttached();
				await page.locator('.fa-emergencies summary').click();
				await sign.click();
				const onScreen = page.locator('.fa-flow a[href^="tel:"]');
				expect(await onScreen.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(CALL[lang].map((n) => `tel:${n}`));
				await expect(page.locator('.fa-flow .fa-call')).toHaveCount(0);
				await expect(page.locator('.fa-flow .care-emergency a[href^="tel:"]')).toHaveCount(CALL[lang].length);
				await expect(onScreen.first()).toBeInViewport();
			} else {
				// Without JavaScript the sign's link leads to the same card in the plain page, numbers and all.
				const card = page.locator('.care-emergency').first();
				expect(await card.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(
					CALL[lang].map((n) => `tel:${n}`)
				);
			}
		}
		await context.close();
	});
}

test('the timer waits: a visible 10-second count-in to get into position, or "Start now"', async ({ page }) => {
	await stopTheClock(page);
	await page.goto('/en/first-aid');
	await page.getByRole('button', { name: TEXT.en.none }).click();
	await page.getByRole('button', { name: TEXT.en.bed }).click();
	await expect(step(page)).toHaveAttribute('data-status', 'ready');
	await expect(page.getByTestId('count-in')).toHaveText('Get into position: the timer starts in 10 s.');
	await page.clock.runFor(6_000);
	await expect(page.getByTestId('count-in')).toHaveText('Get into position: the timer starts in 4 s.');
	await expect(timer(page)).toHaveText('1:00');
	await page.clock.runFor(4_000);
	await expect(step(page)).toHaveAttribute('data-status', 'running');
	await expect(page.getByTestId('count-in')).toHaveCount(0);
	await page.clock.runFor(10_000);
	await expect(timer(page)).toHaveText('0:50');
});

// Issue 10: on a 390 × 844 phone each step's instructions are on screen with its timer.
test('on a 390 × 844 phone every step shows its instructions and its timer without scrolling', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	const onScreen = (selector: string) =>
		page.locator(selector).evaluateAll((els) =>
			els.map((e) => {
				const r = e.getBoundingClientRect();
				return r.top >= 0 && r.bottom <= innerHeight;
			})
		);
	for (const lang of ['en', 'ru'] as const) {
		for (const place of ['bed', 'standing', 'floor', 'after-sport']) {
			await page.goto(`/${lang}/first-aid`);
			await page.getByRole('button', { name: TEXT[lang].none }).click();
			await page.locator(`.fa-choice[data-id="${place}"]`).click();
			for (const index of [0, 1]) {
				await expect(step(page)).toHaveAttribute('data-step', String(index));
				const where = `${lang} ${place} step ${index + 1}`;
				expect(await onScreen('.fa-meter'), where).toEqual([true]);
				const lines = await onScreen('.fa-instructions li');
				expect(lines.length, where).toBeGreaterThan(0);
				expect(lines, where).toEqual(lines.map(() => true));
				if (index === 0) await page.locator('.fa-controls button').first().click(); // skip to step 2
			}
		}
	}
	await context.close();
});

test('[H-19.3] at 10 minutes the session stops offering exercises and shows the long-cramp card', async ({ page }) => {
	for (const lang of ['en', 'ru'] as const) {
		await stopTheClock(page);
		await page.goto(`/${lang}/first-aid`);
		await startInBed(page, lang);
		// A paused stretch does not stop the clock: the rule counts from the start of the session.
		await page.locator('.fa-start').click();
		await page.clock.runFor(599_000);
		await expect(step(page)).toHaveAttribute('data-status', 'paused');
		await page.clock.runFor(1_000);
		await expect(page.locator('.fa-done')).toHaveAttribute('data-outcome', 'time-limit');
		await expect(page.locator('#done-heading')).toBeFocused();
		await expect(page.locator('#care-urgent-long-cramp')).toBeVisible();
		await expect(page.locator('.fa-session')).toHaveCount(0);
		await expect(page.getByRole('button', { name: /Start again|Начать заново/ })).toHaveCount(0);
		await page.locator('.fa-done button.button-secondary').click();
		const episodes = await page.evaluate(() => JSON.parse(localStorage.getItem('fitnavigator.first-aid.episodes.v1') ?? '[]'));
		expect(episodes.at(-1)).toMatchObject({ situation: 'bed', outcome: 'time-limit', durationSeconds: 600 });
	}
});

test('[H-19.4] "Start again" after it did not help keeps the 10-minute clock', async ({ page }) => {
	await stopTheClock(page);
	await page.goto('/en/first-aid');
	await startInBed(page, 'en');
	await page.clock.runFor(75_000); // both steps ran: the sequence is over
	await page.getByRole('button', { name: 'No, it still hurts' }).click();
	await page.clock.runFor(8 * 60_000);
	await page.getByRole('button', { name: 'Start again' }).click();
	await expect(step(page)).toHaveAttribute('data-status', 'running');
	await page.clock.runFor(45_000);
	await expect(page.locator('.fa-done')).toHaveAttribute('data-outcome', 'time-limit');
	await expect(page.getByText('Time taken: 10:00')).toBeVisible();
});

test('[H-20.3] the pain back a 4th time on the wall stretch (dose: up to 3) stops with the long-cramp card', async ({ page }) => {
	await stopTheClock(page);
	await page.goto('/en/first-aid');
	await page.getByRole('button', { name: TEXT.en.none }).click();
	await page.locator('.fa-choice[data-id="standing"]').click();
	await page.getByRole('button', { name: TEXT.en.start }).click();
	const painBack = page.getByRole('button', { name: 'Pain is back — repeat' });
	for (let i = 0; i < 3; i++) {
		await page.clock.runFor(30_000);
		await painBack.click();
		await expect(step(page)).toHaveAttribute('data-exercise', 'wall-stretch');
	}
	await page.clock.runFor(30_000);
	await painBack.click();
	await expect(page.locator('.fa-done')).toHaveAttribute('data-outcome', 'repeat-limit');
	await expect(page.getByRole('heading', { name: 'The pain keeps coming back' })).toBeVisible();
	await expect(page.locator('#care-urgent-long-cramp')).toBeVisible();
	await expect(page.locator('.fa-session')).toHaveCount(0);
});

test('the in-bed sequence runs on the clock, speaks, pauses, repeats and finishes', async ({ page }) => {
	await recordSpeech(page);
	await recordDevice(page);
	await stopTheClock(page);
	await page.goto('/en/first-aid');
	await startInBed(page, 'en');
	expect((await spoken(page))[0]).toMatch(/^en-GB: Pull your toes back, sitting up in bed\. Sit up in bed/);
	expect(await device(page)).toEqual(['lock:screen']);

	await page.clock.runFor(20_000);
	await expect(timer(page)).toHaveText('0:40');
	await page.getByRole('button', { name: 'Pause' }).click();
	await page.clock.runFor(120_000);
	await expect(timer(page)).toHaveText('0:40');
	await expect(page.getByRole('status').filter({ hasText: 'Paused' })).toBeVisible();
	await page.getByRole('button', { name: 'Resume' }).click();
	await page.clock.runFor(40_000);
	await expect(step(page)).toHaveAttribute('data-exercise', 'pinch-massage');
	await expect(page.getByText('Step 2 of 2')).toBeVisible();
	expect(await spoken(page)).toContainEqual(expect.stringMatching(/^en-GB: Pinch massage\. /));
	expect(await device(page)).toEqual(['lock:screen', 'vibrate:300']);

	await page.clock.runFor(5_000);
	await expect(timer(page)).toHaveText('0:10');
	await page.getByRole('button', { name: 'Pain is back — repeat' }).click();
	await expect(timer(page)).toHaveText('0:15');
	expect((await spoken(page)).filter((s) => s.startsWith('en-GB: Pinch massage.'))).toHaveLength(2);

	await page.getByRole('button', { name: "It's gone" }).click();
	await expect(page.getByRole('heading', { name: 'Did it help?' })).toBeFocused();
	// Wall time from the start, the 2-minute pause included: 20 + 120 + 40 + 5 s.
	await expect(page.getByText('Time taken: 3:05')).toBeVisible();
	// "It's gone" is not a step end: no vibration, and the screen may sleep again.
	expect(await device(page)).toEqual(['lock:screen', 'vibrate:300', 'release']);
	await page.getByRole('button', { name: 'No, it still hurts' }).click();
	await expect(page.locator('#care-urgent-long-cramp')).toBeVisible();
	await page.getByRole('button', { name: 'Keep this episode for my cramp diary' }).click();
	await expect(page.getByText('Saved on this device.')).toBeVisible();
	const episodes = await page.evaluate(() => JSON.parse(localStorage.getItem('fitnavigator.first-aid.episodes.v1') ?? '[]'));
	expect(episodes).toEqual([expect.objectContaining({ situation: 'bed', outcome: 'gone', helped: false, durationSeconds: 185 })]);
});

test('the end of a session hands the episode to the diary', async ({ page }) => {
	await stopTheClock(page);
	await page.goto('/ru/first-aid');
	await startInBed(page, 'ru');
	await page.clock.runFor(30_000);
	await page.getByRole('button', { name: 'Прошло' }).click();
	await page.getByRole('button', { name: 'Да, помогло' }).click();
	const diary = page.getByRole('link', { name: 'Добавить подробности в дневник' });
	await expect(diary).toHaveAttribute('href', '/ru/diary?from=first-aid');
	// Following it keeps the episode first (once, however often it is kept), for the diary to import.
	await page.getByRole('button', { name: 'Сохранить этот случай для дневника судорог' }).click();
	await diary.click();
	await expect(page).toHaveURL('/ru/diary?from=first-aid');
	const episodes = await page.evaluate(() => JSON.parse(localStorage.getItem('fitnavigator.first-aid.episodes.v1') ?? '[]'));
	expect(episodes).toEqual([expect.objectContaining({ situation: 'bed', outcome: 'gone', helped: true, durationSeconds: 30 })]);
});

test('keeping an episode sets unreadable stored records aside, and an unreadable setting too: nothing stored is lost', async ({ page }) => {
	const good = { startedAt: '2026-11-20T02:00:00.000Z', durationSeconds: 40, situation: 'floor', outcome: 'gone', helped: true };
	await page.addInitScript((good) => {
		if (sessionStorage.getItem('seeded')) return;
		sessionStorage.setItem('seeded', '1');
		localStorage.setItem('fitnavigator.first-aid.episodes.v1', JSON.stringify([good, { startedAt: 'last night' }]));
		localStorage.setItem('fitnavigator.first-aid.episodes.unreadable', '{"not":"a list"}');
		localStorage.setItem('fitnavigator.first-aid.theme', 'sepia');
	}, good);
	await stopTheClock(page);
	await page.goto('/en/first-aid');
	await startInBed(page, 'en');
	await page.clock.runFor(30_000);
	await page.getByRole('button', { name: "It's gone" }).click();
	await page.getByRole('button', { name: 'Keep this episode for my cramp diary' }).click();
	await expect(page.getByText('Saved on this device.')).toBeVisible();
	const stored = await page.evaluate(() =>
		[
			'fitnavigator.first-aid.episodes.v1',
			'fitnavigator.first-aid.episodes.unreadable',
			'fitnavigator.first-aid.settings.unreadable',
			'fitnavigator.first-aid.theme'
		].map((k) => localStorage.getItem(k))
	);
	expect(JSON.parse(stored[0]!)).toEqual([good, expect.objectContaining({ situation: 'bed', outcome: 'gone', durationSeconds: 30 })]);
	expect(JSON.parse(stored[1]!)).toEqual(['{"not":"a list"}', { startedAt: 'last night' }]);
	expect(JSON.parse(stored[2]!)).toEqual([{ key: 'fitnavigator.first-aid.theme', value: 'sepia' }]);
	// read as "follow the system", so the default is stored: the key is gone, its value kept aside
	expect(stored[3]).toBeNull();
});

test('foot circles count 15 clockwise, then 15 counter-clockwise, aloud', async ({ page }) => {
	await recordSpeech(page);
	await stopTheClock(page);
	await page.goto('/en/first-aid');
	await page.getByRole('button', { name: /None of these/ }).click();
	await page.getByRole('button', { name: TEXT.en.floor }).click();
	const counter = page.getByTestId('counter');
	await expect(counter).toHaveText(/Clockwise\s*1 of 15/);
	await page.getByRole('button', { name: TEXT.en.start, exact: true }).click();
	await page.clock.runFor(28_000);
	await expect(counter).toHaveText(/Clockwise\s*15 of 15/);
	await page.clock.runFor(2_000);
	await expect(counter).toHaveText(/Anticlockwise\s*1 of 15/);
	const said = await spoken(page);
	expect(said).toContain('en-GB: Clockwise. 1');
	expect(said).toContain('en-GB: 15');
	expect(said).toContain('en-GB: Anticlockwise. 1');
});

test('muting is remembered and silences the voice', async ({ page }) => {
	await recordSpeech(page);
	await page.goto('/en/first-aid');
	await page.getByRole('button', { name: 'Voice' }).click();
	await expect(page.getByRole('button', { name: 'Voice' })).toHaveAttribute('aria-pressed', 'false');
	await page.reload();
	await expect(page.getByRole('button', { name: 'Voice' })).toHaveAttribute('aria-pressed', 'false');
	await startInBed(page, 'en');
	expect(await spoken(page)).toEqual([]);
});

test('after one visit to the guide, first aid and the guide work offline in both languages', async ({ browser }) => {
	// The service worker, which playwright.config.ts blocks where it is not under test.
	const context = await browser.newContext({ serviceWorkers: 'allow' });
	const page = await context.newPage();
	// The guide page ships no framework JavaScript; it must still install the service worker.
	await page.goto('/en/guides/calf-cramps');
	await page.evaluate(async () => void (await navigator.serviceWorker.ready));
	await stopTheClock(page);
	await goOffline(page, context);
	for (const lang of ['en', 'ru'] as const) {
		await page.goto(`/${lang}/first-aid`);
		await startInBed(page, lang);
		await expectStepChangeAtOneMinute(page, lang);
		await page.goto(`/${lang}/guides/calf-cramps`);
		await expect(page.locator('#exercise-towel-stretch')).toBeVisible();
	}
	await page.goto('/ru/first-aid');
	await expect(page.getByTestId('offline-ready')).toBeVisible();
});

test('with JavaScript off, the check and every step with its dose are readable', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/en/guides/calf-cramps');
	await page.getByRole('navigation').getByRole('link', { name: 'Cramp now' }).click();
	const first = page.locator('.fa-choices a.fa-choice').first();
	await expect(first).toHaveClass(/fa-sign-emergency/);
	await expect(page.locator(`${await first.getAttribute('href')}[data-level="emergency"]`)).toBeVisible();
	for (const id of ['bed', 'standing', 'floor', 'after-sport'])
		await expect(page.locator(`#sequence-${id} .dose`).first()).toContainText(/\d/);
	await expect(page.locator('#sequence-bed .exercise')).toHaveCount(2);
	await expect(page.locator('[data-id="pin-prick"], [data-id="water-release"]')).toHaveCount(0);
	await context.close();
});

test('the water card is for reading on land: steps, no timer', async ({ page }) => {
	await page.goto('/en/first-aid');
	await page.getByRole('link', { name: /Cramp while swimming/ }).click();
	await expect(page.locator('#exercise-water-release ol.steps li')).toHaveCount(10);
	await expect(page.getByRole('timer')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Print this card' })).toBeVisible();
});

/** axe's best-practice rule `heading-order` (not in the WCAG tags above): no heading skips a level. */
async function expectHeadingOrder(page: Page, label: string) {
	const { violations } = await new AxeBuilder({ page }).withRules(['heading-order']).analyze();
	expect(violations.map((v) => `${label}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the water card and every first-aid screen keep their headings in order (axe heading-order)', async ({ page, browser }) => {
	test.setTimeout(90_000);
	for (const lang of ['en', 'ru'] as const) {
		await page.goto(`/${lang}/first-aid/water`);
		await expect(page.getByRole('heading', { level: 2 })).toHaveCount(1);
		await expectHeadingOrder(page, `${lang} water card`);
	}
	await page.goto('/en/first-aid');
	await expectHeadingOrder(page, 'check');
	const signs = page.locator('.fa-choices button.fa-choice');
	await expect(signs.first()).toBeAttached(); // hydrated: before that the sign is the no-JS link
	await page.locator('.fa-emergencies summary').click();
	await expectHeadingOrder(page, 'emergency signs open');
	// every sign's card, emergency and urgent alike
	const count = await signs.count();
	expect(count).toBeGreaterThanOrEqual(2);
	for (let i = 0; i < count; i++) {
		await signs.nth(i).click();
		await expect(page.locator('.care')).toHaveCount(1);
		await expectHeadingOrder(page, `sign card ${i + 1}`);
		await page.getByRole('button', { name: 'Back to the check' }).click();
	}
	await page.getByRole('button', { name: TEXT.en.none }).click();
	await expect(page.locator('#where-heading')).toBeVisible();
	await expectHeadingOrder(page, 'where');
	await page.getByRole('button', { name: TEXT.en.bed }).click();
	await expect(step(page)).toHaveAttribute('data-status', 'ready');
	await page.getByRole('button', { name: TEXT.en.start, exact: true }).click();
	await expect(step(page)).toHaveAttribute('data-status', 'running');
	await expectHeadingOrder(page, 'timer');
	await page.locator('.fa-gone').click();
	await expect(page.locator('#done-heading')).toBeVisible();
	await expectHeadingOrder(page, 'finished');
	// the plain page the browser shows with JavaScript off, where axe cannot run: the same rule
	// read from the headings' tags (each at most one level below the one before it)
	const plain = await browser.newContext({ javaScriptEnabled: false });
	const off = await plain.newPage();
	for (const path of ['/en/first-aid', '/en/first-aid/water']) {
		await off.goto(path);
		const headings = off.locator('main :is(h1, h2, h3, h4, h5, h6)');
		const levels: number[] = [];
		for (let i = 0; i < (await headings.count()); i++)
			for (let level = 1; level <= 6; level++)
				if (
					await headings
						.nth(i)
						.and(off.locator(`h${level}`))
						.count()
				)
					levels.push(level);
		expect(levels.length, path).toBeGreaterThanOrEqual(2);
		expect(levels[0], path).toBe(1);
		expect(
			levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1),
			`${path}, JavaScript off: ${levels.join(' ')}`
		).toEqual([]);
	}
	await plain.close();
});

test('the app is installable: a manifest with icons', async ({ page, request }) => {
	await page.goto('/en/first-aid');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	const manifest = await (await request.get(href!)).json();
	expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
	for (const icon of manifest.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
});

// One test per scheme and language, so five axe runs each stay inside the limit on a busy machine.
for (const colorScheme of ['light', 'dark'] as const)
	for (const lang of ['en', 'ru'] as const)
		test(`every first-aid screen has no serious or critical axe violations (${colorScheme}, ${lang})`, async ({ page }) => {
			test.setTimeout(90_000);
			await page.emulateMedia({ colorScheme });
			await page.goto(`/${lang}/first-aid`);
			await expectNoSeriousAxe(page, 'check', colorScheme);
			const sign = page.locator('button.fa-choice').first();
			await expect(sign).toBeAttached(); // hydrated: before that the sign is the no-JS link
			await page.locator('.fa-emergencies summary').click();
			await expectNoSeriousAxe(page, 'emergency signs open', colorScheme);
			await sign.click();
			await expectNoSeriousAxe(page, 'emergency card', colorScheme);
			await page.goto(`/${lang}/first-aid`);
			await startInBed(page, lang);
			await expectNoSeriousAxe(page, 'timer', colorScheme);
			await page.locator('.fa-gone').click();
			await page.locator('.fa-done .fa-controls button').nth(1).click();
			await expectNoSeriousAxe(page, 'finished', colorScheme);
			await page.goto(`/${lang}/first-aid/water`);
			await expectNoSeriousAxe(page, 'water card', colorScheme);
		});

test('the manual dark screen has no serious or critical axe violations', async ({ page }) => {
	// The manual dark toggle, against a light system setting.
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('/en/first-aid');
	await page.getByRole('button', { name: 'Dark screen' }).click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await expectNoSeriousAxe(page, 'en manual dark', 'dark');
});

// Issue 19 item 8: on a 390 × 844 phone the first screen holds the emergency signs folded into
// one line with the call line beneath it (calling needs no tap to open), every other sign one line
// each, the optional line about the reader and Start.
test('[H-21.4] on a 390 × 844 phone the emergency signs fold above the call line, every other sign is one line, and Start is on the first screen', async ({
	browser
}) => {
	for (const javaScriptEnabled of [true, false]) {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled });
		const page = await context.newPage();
		for (const lang of ['en', 'ru'] as const) {
			const where = `${lang}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`;
			await page.goto(`/${lang}/first-aid`);
			const fold = page.locator('.fa-emergencies');
			const signs = page.locator('.fa-signs .fa-choice');
			// every emergency sign is in the fold, and only they are
			const total = await page.locator('.fa-signs .fa-sign-emergency').count();
			expect(total, where).toBeGreaterThan(0);
			await expect(fold.locator('.fa-choice:not(.fa-sign-emergency)'), where).toHaveCount(0);
			await expect(fold.locator('.fa-sign-emergency'), where).toHaveCount(total);
			await expect(fold.locator('summary'), where).toContainText(String(total));
			// Start's box is inside the first screen, and so are the fold, the call and each sign outside it
			const start = javaScriptEnabled
				? page.getByRole('button', { name: TEXT[lang].none })
				: page.getByRole('link', { name: TEXT[lang].none });
			const box = (await start.boundingBox())!;
			expect(box.y, where).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width, where).toBeLessThanOrEqual(390);
			expect(box.y + box.height, where).toBeLessThanOrEqual(844);
			await expect(fold.locator('summary'), where).toBeInViewport({ ratio: 1 });
			await expect(page.locator('.fa-flow > section > .fa-call a[href^="tel:"]').first(), where).toBeInViewport({ ratio: 1 });
			const outside = page.locator('.fa-flow > section > .fa-signs .fa-choice');
			expect(await outside.count(), where).toBeGreaterThan(0);
			for (const sign of await outside.all()) await expect(sign, where).toBeInViewport({ ratio: 1 });
			// order: the fold, the call line beneath it, the other signs, then Start
			const order = await page
				.locator('.fa-emergencies, .fa-flow > section > .fa-call, .fa-flow > section > .fa-signs, .fa-go')
				.evaluateAll((els) => els.map((e) => /fa-(emergencies|call|signs|go)\b/.exec(e.className)?.[0]));
			expect(order, where).toEqual(['fa-emergencies', 'fa-call', 'fa-signs', 'fa-go']);
			// opened, every sign is one line of text inside its padding
			await fold.locator('summary').click();
			const lineHeight = await signs.first().evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
			for (const sign of await signs.all()) {
				await expect(sign, where).toBeVisible();
				const { clientHeight, scrollHeight } = await sign.evaluate((e) => ({ clientHeight: e.clientHeight, scrollHeight: e.scrollHeight }));
				expect(scrollHeight, where).toBeLessThan(2 * lineHeight + 24);
				expect(clientHeight, where).toBeLessThan(2 * lineHeight + 24);
			}
		}
		await context.close();
	}
});

test('the running timer has a one-tap call line with the emergency numbers', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	for (const lang of ['en', 'ru'] as const) {
		await page.goto(`/${lang}/first-aid`);
		await startInBed(page, lang);
		const calls = step(page).locator('.fa-quick-call a[href^="tel:"]');
		expect(await calls.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(CALL[lang].map((n) => `tel:${n}`));
		await expect(calls.first()).toBeInViewport();
		await expect(timer(page)).toBeInViewport();
	}
	await context.close();
});

/** Answers the first screen's optional line: opens it, taps the fact. */
async function tell(page: Page, fact: string) {
	await page.locator('.fa-about summary').click();
	await page.locator(`.fa-about button[data-fact="${fact}"]`).click();
}

/** The exercises the session runs in `place`, skipping through each until the session ends. */
async function exercisesIn(page: Page, place: string) {
	await page.locator(`.fa-choice[data-id="${place}"]`).click();
	const ids: string[] = [];
	for (let i = 0; ; i++) {
		await expect(page.locator(`.fa-session[data-step="${i}"], .fa-done`)).toBeVisible();
		if ((await page.locator('.fa-done').count()) > 0) return ids;
		ids.push((await step(page).getAttribute('data-exercise'))!);
		await page.getByRole('button', { name: /^(Skip|Пропустить)$/ }).click();
	}
}

test('[H-43.1] pregnant: tapped on the first screen, the floor place swaps foot circles for the seated stretch, and says why (ru)', async ({
	page
}) => {
	await page.goto('/ru/first-aid');
	await tell(page, 'pregnancy');
	await expect(page.locator('.fa-about button[data-fact="pregnancy"]')).toHaveAttribute('aria-pressed', 'true');
	await page.getByRole('button', { name: TEXT.ru.none }).click();
	await expect(page.getByTestId('adapted')).toContainText('Растяжка с полотенцем сидя');
	await expect(page.locator('.fa-flow .care[data-id="self-care-clot-watch"]')).toBeVisible();
	expect(await exercisesIn(page, 'floor')).toEqual(['seated-towel-stretch', 'pinch-massage']);
});

test('[H-43.2] a fresh injury: no massage and no hard stretch anywhere, only the places with a move left, and the injury card', async ({
	page
}) => {
	await page.goto('/en/first-aid');
	await tell(page, 'leg-injury');
	await page.getByRole('button', { name: TEXT.en.none }).click();
	await expect(page.locator('.fa-flow .care[data-id="self-care-injury"]')).toBeVisible();
	await expect(page.getByTestId('adapted')).toContainText('No Pinch massage');
	await expect(page.locator('.fa-choices .fa-choice')).toHaveCount(1);
	expect(await exercisesIn(page, 'floor')).toEqual(['foot-rotations']);
});

test('[H-44.1] 65 or over (the age group given in the diary): no floor at night, without being asked again', async ({ page }) => {
	await page.addInitScript(() => localStorage.setItem('fitnavigator.reader.age-group', 'older'));
	await page.goto('/en/first-aid');
	await page.getByRole('button', { name: TEXT.en.none }).click();
	await expect(page.getByTestId('adapted')).toContainText('Seated towel stretch instead of Foot circles lying down');
	expect(await exercisesIn(page, 'floor')).toEqual(['seated-towel-stretch', 'pinch-massage']);
});

test('[H-43.3] the answers saved with the plan count: a plan made as a pregnant reader adapts first aid', async ({ page }) => {
	await page.goto('/en/first-aid');
	// the plan as the plan page stores it (IndexedDB "fitnavigator-plan"), answers included
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('fitnavigator-plan', 2);
				open.onupgradeneeded = () => {
					open.result.createObjectStore('plan');
					open.result.createObjectStore('aside', { keyPath: 'id', autoIncrement: true });
				};
				open.onsuccess = () => {
					const tx = open.result.transaction('plan', 'readwrite');
					tx.objectStore('plan').put(
						{
							version: 2,
							lang: 'en',
							createdOn: '2026-11-01',
							measures: ['regular-stretching'],
							doctorFirst: false,
							ticks: {},
							answers: { situation: 'night', factors: ['pregnancy'], signs: [] }
						},
						'current'
					);
					tx.oncomplete = () => (open.result.close(), resolve());
					tx.onerror = () => reject(tx.error);
				};
				open.onerror = () => reject(open.error);
			})
	);
	await page.reload();
	await page.getByRole('button', { name: TEXT.en.none }).click();
	await expect(page.getByTestId('adapted')).toContainText('Seated towel stretch');
	expect(await exercisesIn(page, 'floor')).toEqual(['seated-towel-stretch', 'pinch-massage']);
});
