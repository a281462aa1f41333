import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

type Answers = { situation: string; minutes: string; perWeek: string; factors?: string[]; signs?: string[] };

async function answer(page: Page, lang: string, a: Answers) {
	await page.goto(`/${lang}/check`);
	await page.check(`#situation-${a.situation}`);
	await page.check(`#durationMinutes-${a.minutes}`);
	await page.check(`#perWeek-${a.perWeek}`);
	for (const f of a.factors ?? []) await page.check(`#factors-${f}`);
	for (const s of a.signs ?? []) await page.check(`#signs-${s}`);
	await page.locator('form.check-form button[type="submit"]').click();
	await expect(page.locator('#result-title')).toBeVisible();
}

async function expectNoSeriousAxe(page: Page, where: string) {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(bad.map((v) => `${where}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

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

		test('a missing answer gives an error summary that links to the field', async ({ page }) => {
			await page.goto('/en/check');
			await page.check('#situation-night');
			await page.locator('form.check-form button[type="submit"]').click();
			await expect(page).toHaveTitle('Error: Self-check — FitNavigator');
			const summary = page.locator('.error-summary[role="alert"]');
			await expect(summary).toContainText('Choose how long the cramp lasted');
			await expect(summary.locator('a').first()).toHaveAttribute('href', '#durationMinutes-1');
			await expect(page.locator('#situation-night')).toBeChecked();
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

test('[H-17.2] self-check, result and plan pages in both languages: no serious or critical axe violations, light and dark', async ({
	page
}) => {
	test.setTimeout(180_000);
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		for (const lang of ['en', 'ru']) {
			await page.goto(`/${lang}/check`);
			await expectNoSeriousAxe(page, `/${lang}/check (${colorScheme})`);
			await page.locator('form.check-form button[type="submit"]').click();
			await expect(page.locator('.error-summary')).toBeVisible();
			await expectNoSeriousAxe(page, `/${lang}/check errors (${colorScheme})`);
			await answer(page, lang, {
				situation: 'night',
				minutes: '30',
				perWeek: '7',
				signs: ['swelling', 'numbness'],
				factors: ['varicose-veins']
			});
			await expectNoSeriousAxe(page, `/${lang}/check result (${colorScheme})`);
			await page.locator('.save-plan button').click();
			await page.locator('.save-plan a').click();
			await expect(page.locator('.plan-item').first()).toBeVisible();
			await expectNoSeriousAxe(page, `/${lang}/plan (${colorScheme})`);
		}
	}
});
