import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

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
		towel: 'Towel strap stretch in bed',
		pinch: 'Pinch massage'
	},
	ru: {
		none: /Ничего из этого/,
		bed: 'В постели',
		floor: 'Могу лечь на пол',
		towel: 'Растяжка с полотенцем в постели',
		pinch: 'Щипковый массаж'
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

async function startInBed(page: Page, lang: 'en' | 'ru') {
	await page.getByRole('button', { name: TEXT[lang].none }).click();
	await page.getByRole('button', { name: TEXT[lang].bed }).click();
	await expect(step(page)).toHaveAttribute('data-exercise', 'towel-stretch');
	await expect(page.getByRole('heading', { level: 2 })).toHaveText(TEXT[lang].towel);
}

/** The step changes exactly at 60 s of running time. */
async function expectStepChangeAtOneMinute(page: Page, lang: 'en' | 'ru') {
	await expect(timer(page)).toHaveText('1:00');
	await page.clock.runFor(59_000);
	await expect(timer(page)).toHaveText('0:01');
	await expect(step(page)).toHaveAttribute('data-exercise', 'towel-stretch');
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
	await expect(page.getByRole('button', { name: /Chest pain/ })).toBeVisible();
	await expect(page.getByRole('complementary', { name: 'Help with a cramp' }).getByRole('link', { name: 'Cramp now' })).toHaveCount(0);
});

for (const [sign, card] of [
	[/Chest pain/, 'care-emergency-chest'],
	[/Only one calf hurts/, 'care-urgent-dvt']
] as const) {
	test(`the sign ${sign} leads to the ${card} card instead of exercises`, async ({ page }) => {
		await page.goto('/en/first-aid');
		await page.getByRole('button', { name: sign }).click();
		await expect(page.locator(`#${card}`)).toBeVisible();
		await expect(page.locator('.fa-session, .exercise')).toHaveCount(0);
		await page.getByRole('button', { name: 'Back to the check' }).click();
		await expect(page.getByRole('button', { name: /None of these/ })).toBeVisible();
	});
}

test('the in-bed sequence runs on the clock, speaks, pauses, repeats and finishes', async ({ page }) => {
	await recordSpeech(page);
	await recordDevice(page);
	await stopTheClock(page);
	await page.goto('/en/first-aid');
	await startInBed(page, 'en');
	expect((await spoken(page))[0]).toMatch(/^en-GB: Towel strap stretch in bed\. Stay in bed\./);
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

test('foot circles count 15 clockwise, then 15 counter-clockwise, aloud', async ({ page }) => {
	await recordSpeech(page);
	await stopTheClock(page);
	await page.goto('/en/first-aid');
	await page.getByRole('button', { name: /None of these/ }).click();
	await page.getByRole('button', { name: TEXT.en.floor }).click();
	const counter = page.getByTestId('counter');
	await expect(counter).toHaveText(/Clockwise\s*1 of 15/);
	await page.clock.runFor(28_000);
	await expect(counter).toHaveText(/Clockwise\s*15 of 15/);
	await page.clock.runFor(2_000);
	await expect(counter).toHaveText(/Counter-clockwise\s*1 of 15/);
	const said = await spoken(page);
	expect(said).toContain('en-GB: Clockwise. 1');
	expect(said).toContain('en-GB: 15');
	expect(said).toContain('en-GB: Counter-clockwise. 1');
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

test('after one visit to the guide, first aid and the guide work offline in both languages', async ({ page, context }) => {
	// The guide page ships no framework JavaScript; it must still install the service worker.
	await page.goto('/en/guides/calf-cramps');
	await page.evaluate(async () => void (await navigator.serviceWorker.ready));
	await stopTheClock(page);
	await context.setOffline(true);
	// Really offline: a page the service worker does not keep cannot load.
	expect(
		await page.evaluate(() =>
			fetch('/en/guides').then(
				() => 'loaded',
				() => 'failed'
			)
		)
	).toBe('failed');
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
	await expect(page.getByRole('link', { name: /Chest pain/ })).toHaveAttribute('href', '#care-emergency-chest');
	await expect(page.locator('#care-emergency-chest')).toBeVisible();
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

test('the app is installable: a manifest with icons', async ({ page, request }) => {
	await page.goto('/en/first-aid');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	const manifest = await (await request.get(href!)).json();
	expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
	for (const icon of manifest.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
});

test('every first-aid screen has no serious or critical axe violations, light and dark', async ({ page }) => {
	test.setTimeout(90_000);
	const scan = async (label: string) => {
		const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(bad.map((v) => `${label}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	};
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		for (const lang of ['en', 'ru'] as const) {
			await page.goto(`/${lang}/first-aid`);
			await scan(`${lang} ${colorScheme} check`);
			await page.locator('.fa-choice').first().click();
			await scan(`${lang} ${colorScheme} emergency card`);
			await page.goto(`/${lang}/first-aid`);
			await startInBed(page, lang);
			await scan(`${lang} ${colorScheme} timer`);
			await page.locator('.fa-controls button').nth(3).click();
			await page.locator('.fa-controls button').nth(1).click();
			await scan(`${lang} ${colorScheme} finished`);
			await page.goto(`/${lang}/first-aid/water`);
			await scan(`${lang} ${colorScheme} water card`);
		}
	}
	// The manual dark toggle, against a light system setting.
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('/en/first-aid');
	await page.getByRole('button', { name: 'Dark screen' }).click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await scan('en manual dark');
});
