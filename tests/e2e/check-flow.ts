// Takes the self-check as a reader does, one question page at a time, with JavaScript on or
// off: each page's choice, then Continue; on the check page, "See my result".
import { expect, type Locator, type Page } from '@playwright/test';

export type CheckAnswers = {
	situation: string;
	minutes: string;
	perWeek: string;
	/** Signs to tick; each sign page with none of them gets "None of these" (or "Not sure" for `unsure` groups). */
	signs?: string[];
	unsure?: ('leg' | 'injury' | 'body')[];
	factors?: string[];
	age?: 'child' | 'adult' | 'older';
};

/** `tap` clicks (a task suite counts the taps through it). */
export async function takeCheck(page: Page, lang: string, a: CheckAnswers, tap = (l: Locator) => l.click()): Promise<void> {
	await page.goto(`/${lang}/check`);
	await tap(page.locator('a.start'));
	await expect(page).toHaveURL(`/${lang}/check/situation`);
	const one: Record<string, string> = { situation: a.situation, duration: a.minutes, frequency: a.perWeek, age: a.age ?? 'adult' };
	for (;;) {
		const step = new URL(page.url()).pathname.split('/').at(-1)!;
		if (step === 'answers') break;
		await expect(page.locator('form.check-form')).toBeVisible();
		if (step in one) await tap(page.locator(`#answer-${one[step]}`));
		else {
			let ticked = 0;
			for (const id of [...(a.signs ?? []), ...(a.factors ?? [])]) {
				const box = page.locator(`#answer-${id}`);
				if (!(await box.count())) continue;
				await tap(box);
				ticked++;
			}
			if (!ticked) await tap(page.locator(a.unsure?.some((g) => step === `signs-${g}`) ? '#answer-unsure' : '#answer-none'));
		}
		const before = page.url();
		await tap(page.locator('form.check-form button[type="submit"]'));
		await expect(page).not.toHaveURL(before);
	}
	await tap(page.locator('main a.button'));
	await expect(page.locator('#result-title')).toBeVisible();
}
