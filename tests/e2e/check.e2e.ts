import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxe } from './axe-rules';
import { takeCheck, type CheckAnswers } from './check-flow';

const answer = (page: Page, lang: string, a: CheckAnswers) => takeCheck(page, lang, a);

for (const javaScriptEnabled of [true, false]) {
	test.describe(`self-check with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('an urgent answer shows the urgent card first, before any exercise (en)', async ({ page }) => {
			await answer(page, 'en', { situation: 'night', minutes: '5', perWeek: '1', signs: ['swelling'] });
			await expect(page).toHaveTitle('Your self-check result — FitNavigator');
			const first = page.locator('.assessment .care').first();
			await expect(first).toHaveAttribute('data-level', 'urgent');
			await expect(first).toContainText('Get medical help today');
			await expect(page.locator('.first-aid')).toHaveCount(0);
			await expect(page.locator('.assessment a[href^="/en/first-aid"]')).toHaveCount(0);
			await expect(page.locator('.withheld')).toContainText('blood clot');
		});

		test('[H-04.5] sport with a pop or snap: the urgent tear card and no exercise', async ({ page }) => {
			await answer(page, 'en', { situation: 'sport', minutes: '1', perWeek: '0', signs: ['pop-or-snap'] });
			const first = page.locator('.assessment .care').first();
			await expect(first).toHaveAttribute('data-level', 'urgent');
			await expect(first).toHaveAttribute('data-id', 'urgent-tear');
			await expect(first).toContainText('Go to A&E or urgent care today');
			await expect(page.locator('.first-aid li')).toHaveCount(0);
			await expect(page.locator('.assessment a[href^="/en/first-aid"]')).toHaveCount(0);
			await expect(page.locator('.withheld')).toContainText('torn');
		});

		test('[H-01.5] an emergency answer is only the emergency: the call as tel: links, no first aid, no plan (ru)', async ({ page }) => {
			await answer(page, 'ru', { situation: 'night', minutes: '1', perWeek: '0', signs: ['coughing-blood'] });
			const first = page.locator('.assessment .care').first();
			await expect(first).toHaveAttribute('data-level', 'emergency');
			await expect(first.locator('a[href="tel:103"]').first()).toBeVisible();
			await expect(first.locator('a[href="tel:112"]').first()).toBeVisible();
			await expect(page.locator('.assessment a[href^="/ru/first-aid"]')).toHaveCount(0);
			await expect(page.locator('.first-aid, .plan-preview, .save-plan, .if-worse')).toHaveCount(0);
		});

		test('a long, frequent cramp names both rules and the phlebologist (ru)', async ({ page }) => {
			await answer(page, 'ru', { situation: 'sport', minutes: '20', perWeek: '3', factors: ['intense-exercise'] });
			await expect(page).toHaveTitle('Результат проверки — FitNavigator');
			await expect(page.locator('.assessment .care').first()).toHaveAttribute('data-level', 'urgent');
			await expect(page.locator('.reasons li[data-id="long-cramp"]')).toBeAttached();
			await expect(page.locator('.reasons li[data-id="long-and-frequent"]')).toContainText('флеболог');
			await expect(page.locator('[data-id="overstrain"] a')).toHaveAttribute('href', '/ru/guides/calf-cramps#cause-overstrain');
			await expect(page.locator('.first-aid li').first()).toHaveAttribute('data-id', 'wall-stretch');
			// sources in the reader's language, the English title beside; no URL, no link
			const nhs = page.locator('.sources li[data-id="nhs-leg-cramps"]');
			await expect(nhs.locator('a')).toHaveText('Судороги в ногах');
			await expect(nhs.locator('.original [lang="en"]')).toHaveText('Leg cramps');
			const original = page.locator('.sources li[data-id="fitnavigator-original"]');
			await expect(original.locator('cite')).toHaveCount(1);
			await expect(original.locator('a')).toHaveCount(0);
		});

		test('a question left unanswered gives an error summary that links to the field, and the answers so far stay', async ({ page }) => {
			await page.goto('/en/check/situation');
			await page.check('#answer-night');
			await page.locator('form.check-form button[type="submit"]').click();
			await expect(page).toHaveURL('/en/check/duration?situation=night');
			await page.locator('form.check-form button[type="submit"]').click();
			await expect(page).toHaveTitle('Error: Question 2 of 8 — Self-check — FitNavigator');
			const summary = page.locator('.error-summary[role="alert"]');
			await expect(summary).toBeFocused();
			await expect(summary).toContainText('Choose how long the cramp lasted');
			await expect(summary.locator('a')).toHaveAttribute('href', '#answer-1');
			// the back link keeps the first answer
			await page.getByRole('link', { name: 'Back' }).click();
			await expect(page).toHaveURL('/en/check/situation?situation=night');
			await expect(page.locator('#answer-night')).toBeChecked();
		});

		test('[H-45.1] a warning-sign page takes no silence for "no": it needs the signs, "None of these" or "Not sure", never two', async ({
			page
		}) => {
			await page.goto('/en/check/signs-leg?situation=night&durationMinutes=5&perWeek=1&none=factors');
			await expect(page.locator('.progress-line')).toHaveText('Question 5 of 8');
			await page.locator('form.check-form button[type="submit"]').click();
			await expect(page.locator('.error-summary')).toContainText("Select the signs you have, or “None of these”, or “I'm not sure”");
			// with JavaScript on, ticking "None" clears a sign; with it off, the server refuses both
			await page.check('#answer-swelling');
			await page.check('#answer-none');
			await page.locator('form.check-form button[type="submit"]').click();
			if (javaScriptEnabled) await expect(page).toHaveURL(/\/en\/check\/signs-injury\?.*none=leg/);
			else await expect(page.locator('.error-summary')).toContainText('Select either the signs or “None of these”, not both');
		});

		test('[H-45.4] "Not sure" about the signs elsewhere in the body is answered as those signs would be, and the result says so', async ({
			page
		}) => {
			await answer(page, 'en', { situation: 'night', minutes: '1', perWeek: '0', unsure: ['body'] });
			await expect(page.locator('.assessment .care').first()).toHaveAttribute('data-level', 'emergency');
			await expect(page.locator('.unsure-note')).toContainText('elsewhere in the body');
		});

		test('[H-45.5] a sign is asked where it applies (content askWhen): heat signs after sport, not in bed; the cast sign after an injury', async ({
			page
		}) => {
			const body = (situation: string) =>
				`/en/check/signs-body?situation=${situation}&durationMinutes=1&perWeek=0&none=factors&none=leg&none=injury`;
			await page.goto(body('sport'));
			await expect(page.locator('#answer-heatstroke-signs')).toBeVisible();
			await expect(page.locator('#answer-heat-exhaustion-signs')).toBeVisible();
			await page.goto(body('night'));
			await expect(page.locator('#answer-chest-pain')).toBeVisible();
			await expect(page.locator('#answer-heatstroke-signs')).toHaveCount(0);
			const injury = (factors: string) => `/en/check/signs-injury?situation=night&durationMinutes=1&perWeek=0&${factors}&none=leg`;
			await page.goto(injury('factors=leg-injury'));
			await expect(page.locator('#answer-pain-out-of-proportion')).toBeVisible();
			await page.goto(injury('none=factors'));
			await expect(page.locator('#answer-pop-or-snap')).toBeVisible();
			await expect(page.locator('#answer-pain-out-of-proportion')).toHaveCount(0);
			// and the whole walk reaches the sign's own answer
			await answer(page, 'en', { situation: 'sport', minutes: '1', perWeek: '0', signs: ['heatstroke-signs'] });
			await expect(page.locator('.assessment .care').first()).toHaveAttribute('data-id', 'emergency-heatstroke');
		});

		test('check your answers: every answer with a Change link that comes back to this page', async ({ page }) => {
			await page.goto(
				'/en/check/answers?situation=night&durationMinutes=5&perWeek=1&ageGroup=adult&none=leg&none=injury&none=body&none=factors'
			);
			await expect(page.locator('.summary-list .row')).toHaveCount(8);
			await page.locator('.row[data-id="duration"] .change a').click();
			await expect(page.locator('#answer-5')).toBeChecked();
			await page.check('#answer-20');
			await page.locator('form.check-form button[type="submit"]').click();
			await expect(page).toHaveURL(/\/en\/check\/answers\?.*durationMinutes=20/);
			await expect(page.locator('.row[data-id="duration"] dd').first()).toHaveText('16 to 20 minutes');
		});
	});
}

test('[H-08.3] every emergency and urgent number on a result card is a tel: link', async ({ page }) => {
	await answer(page, 'en', { situation: 'night', minutes: '1', perWeek: '0', signs: ['swelling'] });
	const card = page.locator('.assessment .care[data-id="urgent-dvt"]').last();
	for (const n of ['999', '112', '911', '111']) await expect(card.locator(`a[href="tel:${n}"]`)).toHaveCount(1);
	// no number left as plain text outside a link
	const plain = await card.evaluate((el) => {
		const clone = el.cloneNode(true) as HTMLElement;
		clone.querySelectorAll('a[href^="tel:"]').forEach((a) => a.remove());
		return clone.textContent ?? '';
	});
	expect(plain).not.toMatch(/\b(999|112|911|111)\b/);
});

test('[H-18.1] a pregnant reader on a 390 × 844 phone sees the urgency, why, what to do and "Save as my plan" without scrolling', async ({
	browser
}) => {
	for (const lang of ['en', 'ru'] as const) {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await answer(page, lang, { situation: 'night', minutes: '1', perWeek: '3', factors: ['pregnancy'] });
		await page.evaluate(() => window.scrollTo(0, 0));
		const answerBox = page.locator('.assessment .answer');
		const save = page.locator('.save-plan button');
		for (const el of [answerBox.locator('.care-heading'), answerBox.locator('.why'), answerBox.locator('.now'), save]) {
			const box = await el.boundingBox();
			expect(box, lang).not.toBeNull();
			expect(box!.y + box!.height, `${lang}: ${await el.innerText()}`).toBeLessThanOrEqual(844);
		}
		await save.click();
		await expect(page.locator('.save-plan [role="status"]')).toBeVisible();
		await context.close();
	}
});

test('the page and the API give the same answer', async ({ page, request }) => {
	const answers = { situation: 'swimming', minutes: '15', perWeek: '7', factors: ['alcohol', 'cold-exposure'], signs: ['numbness'] };
	const api = await (
		await request.post('/api/v1/assess', {
			data: {
				lang: 'en',
				episode: { durationMinutes: 15, perWeek: 7, situation: 'swimming' },
				factors: answers.factors,
				signs: answers.signs
			}
		})
	).json();
	await answer(page, 'en', answers);
	await expect(page.locator('.assessment')).toHaveAttribute('data-urgency', api.urgency);
	await expect(page.locator('.reasons li')).toHaveText(
		api.reasons.map((r: { text: string }) => new RegExp(r.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
	);
	expect(await page.locator('.first-aid li').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(api.firstAid);
	expect(api.firstAid[0]).toBe('water-release');
	await expect(page.locator('.assessment a.button[href="/en/first-aid/water"]')).toBeVisible();
	expect(await page.locator('.plan-preview article').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(
		api.prevention.map((p: { id: string }) => p.id)
	);
});

test('"Make this my plan" keeps the plan on the device, through a reload', async ({ page }) => {
	await answer(page, 'en', { situation: 'night', minutes: '1', perWeek: 'unsure', factors: ['varicose-veins'] });
	const measures = await page.locator('.plan-preview article').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
	await page.getByRole('button', { name: 'Save as my plan' }).click();
	await page.getByRole('link', { name: 'Open your plan' }).click();
	await expect(page).toHaveTitle('Your prevention plan — FitNavigator');
	await expect(page.locator('.doctor-first')).toBeVisible();
	expect(await page.locator('.plan-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(measures);
	await page.locator('.plan-item input').first().check();
	await expect(page.locator('.progress')).toHaveText(`1 of ${measures.length} done today`);
	await page.reload();
	await expect(page.locator('.plan-item input').first()).toBeChecked();
	await expect(page.locator('.progress')).toHaveText(`1 of ${measures.length} done today`);
	await expect(page.locator('.plan-item .evidence-weak').first()).toContainText('Weak evidence');
	await page.getByRole('button', { name: 'Delete the plan from this device' }).click();
	await expect(page.getByRole('status')).toHaveText('The plan was deleted from this device.');
	await page.reload();
	await expect(page.getByRole('link', { name: 'Take the self-check to make one' })).toBeVisible();
});

// One test per scheme, so both workers share the scans.
for (const colorScheme of ['light', 'dark'] as const)
	test(`[H-17.2] self-check, result and plan pages in both languages: no serious or critical axe violations (${colorScheme})`, async ({
		page
	}) => {
		test.setTimeout(180_000);
		await page.emulateMedia({ colorScheme });
		for (const lang of ['en', 'ru']) {
			await page.goto(`/${lang}/check`);
			await expectNoSeriousAxe(page, `/${lang}/check`, colorScheme);
			await page.goto(`/${lang}/check/signs-leg?situation=night`);
			await expectNoSeriousAxe(page, `/${lang}/check/signs-leg`, colorScheme);
			await page.locator('form.check-form button[type="submit"]').click();
			await expect(page.locator('.error-summary')).toBeVisible();
			await expectNoSeriousAxe(page, `/${lang}/check errors`, colorScheme);
			await page.goto(
				`/${lang}/check/answers?situation=night&durationMinutes=5&perWeek=1&ageGroup=adult&none=leg&none=injury&none=body&none=factors`
			);
			await expectNoSeriousAxe(page, `/${lang}/check/answers`, colorScheme);
			await answer(page, lang, {
				situation: 'night',
				minutes: '30',
				perWeek: '7',
				signs: ['swelling', 'numbness'],
				factors: ['varicose-veins']
			});
			await expectNoSeriousAxe(page, `/${lang}/check result`, colorScheme);
			await page.locator('.save-plan button').click();
			await page.locator('.save-plan a').click();
			await expect(page.locator('.plan-item').first()).toBeVisible();
			await expectNoSeriousAxe(page, `/${lang}/plan`, colorScheme);
		}
	});

test('the result leaves its level on the device for the diary (src/lib/browser/check-store.ts), and only that', async ({ page }) => {
	await answer(page, 'en', { situation: 'night', minutes: '5', perWeek: '1', signs: ['swelling'] });
	const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('fitnavigator-last-check') ?? 'null'));
	expect(stored).toEqual({ urgency: 'urgent', title: expect.any(String), at: expect.any(String) });
	await expect(page.locator('.assessment .answer .care-heading')).toContainText(stored.title);
});

test('[H-06.2] a pregnant reader is told to get help from the midwife, GP or NHS 111, with 111 a tel: link', async ({ page }) => {
	await answer(page, 'en', { situation: 'night', minutes: '1', perWeek: '0', factors: ['pregnancy'] });
	const now = page.locator('.assessment .answer .now');
	await expect(now).toContainText('your midwife, GP or NHS 111');
	await expect(now.locator('a[href="tel:111"]')).toBeVisible();
});
