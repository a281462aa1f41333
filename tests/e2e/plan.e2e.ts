// The plan page: history from the day the plan was made, the way back to the result that
// made it, version 1 plans migrated, and an unreadable record kept aside, never dropped.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { takeCheck } from './check-flow';

/** Takes the self-check, saves its plan and opens it; returns the result as the reader saw it. */
async function makePlan(page: Page, lang: string): Promise<string> {
	await takeCheck(page, lang, { situation: 'night', minutes: '5', perWeek: '3', factors: ['heavy-sweating'] });
	// Read once the page runs: its save button replaces the no-JavaScript note.
	await expect(page.locator('.save-plan button')).toBeVisible();
	const result = await page.locator('.assessment').innerText();
	await page.locator('.save-plan button').click();
	await page.locator('.save-plan a').click();
	await expect(page.locator('.plan-item').first()).toBeVisible();
	return result;
}

/** Writes a record straight into the plan's IndexedDB store, as an older app (or a bug) left it. */
async function storeRecord(page: Page, record: unknown, dbVersion: number) {
	await page.goto('/en/guides');
	await page.evaluate(
		([record, dbVersion]) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('fitnavigator-plan', dbVersion as number);
				open.onupgradeneeded = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('plan')) db.createObjectStore('plan');
					if (dbVersion === 2 && !db.objectStoreNames.contains('aside'))
						db.createObjectStore('aside', { keyPath: 'id', autoIncrement: true });
				};
				open.onsuccess = () => {
					const tx = open.result.transaction('plan', 'readwrite');
					tx.objectStore('plan').put(record, 'current');
					tx.oncomplete = () => (open.result.close(), resolve());
					tx.onerror = () => reject(tx.error);
				};
				open.onerror = () => reject(open.error);
			}),
		[record, dbVersion] as const
	);
}

test('a new plan shows only today in its history and links back to its result and to the check', async ({ page }) => {
	const result = await makePlan(page, 'en');
	await expect(page.locator('.days li')).toHaveCount(1);
	await expect(page.locator('.days li')).toContainText('0 of');
	await expect(page.getByRole('link', { name: 'Do the self-check again' })).toHaveAttribute('href', '/en/check');
	await page.getByRole('link', { name: 'Show the self-check result that made this plan' }).click();
	await expect(page).toHaveURL(/\/en\/check\/result\?situation=night&durationMinutes=5&perWeek=3/);
	await expect(page.locator('#result-title')).toBeVisible();
	await expect(page.locator('.save-plan button')).toBeVisible();
	// The same answers give the same result, word for word.
	expect(await page.locator('.assessment').innerText()).toBe(result);
});

test("the plan opens with the result's advice when it is more than self-care, and a way on to the diary", async ({ page }) => {
	await takeCheck(page, 'en', { situation: 'night', minutes: '1', perWeek: '3', factors: ['varicose-veins'] });
	const top = page.locator('.assessment .answer');
	const level = await top.getAttribute('data-level');
	expect(level).toBe('see-doctor');
	// the card's own title: the heading's text beside its urgency prefix
	const title = await top.locator('.care-heading').evaluate((el) =>
		[...el.childNodes]
			.filter((n) => n.nodeType === Node.TEXT_NODE)
			.map((n) => n.textContent)
			.join('')
			.trim()
	);
	await page.locator('.save-plan button').click();
	await page.locator('.save-plan a').click();
	const advice = page.locator('.plan-advice');
	await expect(advice).toHaveAttribute('data-level', 'see-doctor');
	await expect(advice).toContainText(`Non-urgent advice: ${title}`);
	// the advice comes before the plan's first item
	const [a, first] = await Promise.all([advice.boundingBox(), page.locator('.plan-item').first().boundingBox()]);
	expect(a!.y).toBeLessThan(first!.y);
	await page.getByRole('link', { name: 'Log a cramp in your diary' }).click();
	await expect(page).toHaveURL('/en/diary');
});

for (const [lang, label, midwife] of [
	['en', 'Watch closely', 'your midwife, GP or NHS 111'],
	['ru', 'Будьте внимательны', 'акушеру-гинекологу в женской консультации']
] as const)
	test(`[H-32.4] a pregnant reader's answer and plan are headed "${label}", never self-care, with the clot signs as a list (${lang})`, async ({
		page
	}) => {
		await takeCheck(page, lang, { situation: 'night', minutes: '1', perWeek: '0', factors: ['pregnancy'] });
		const top = page.locator('.assessment .answer');
		await expect(top.locator('.care-prefix')).toHaveText(`${label}:`);
		await expect(top.locator('.now')).toContainText(midwife);
		await expect(top.locator('.now li')).toHaveCount(3);
		await page.locator('.save-plan button').click();
		await page.locator('.save-plan a').click();
		await expect(page.locator('.plan-advice')).toContainText(`${label}:`);
	});

test('[H-51.4] a runner who sweats heavily gets no "replace salts after vomiting or diarrhoea"; an item for what they reported is not labelled for everyone', async ({
	page
}) => {
	await takeCheck(page, 'en', { situation: 'sport', minutes: '1', perWeek: '1', factors: ['heavy-sweating'] });
	await page.locator('.save-plan button').click();
	await page.locator('.save-plan a').click();
	await expect(page.locator('.plan-item').first()).toBeVisible();
	await expect(page.locator('.plan-item[data-id="rehydrate-when-ill"]')).toHaveCount(0);
	await expect(page.locator('.plan-item[data-id="isotonic-for-long-sessions"]')).toBeVisible();
	await expect(page.locator('.plan-item[data-id="isotonic-for-long-sessions"] .for-everyone')).toHaveCount(0);
});

test('the way back to the result works with the plan made in Russian too', async ({ page }) => {
	const result = await makePlan(page, 'ru');
	await page.getByRole('link', { name: 'Показать результат самопроверки, по которому составлен план' }).click();
	await expect(page.locator('#result-title')).toBeVisible();
	await expect(page).toHaveTitle('Результат проверки — FitNavigator');
	await expect(page.locator('.save-plan button')).toBeVisible();
	expect(await page.locator('.assessment').innerText()).toBe(result);
});

test('a version 1 plan is migrated: its ticks stay, and it says its result cannot be shown again', async ({ page }) => {
	const today = new Date();
	const day = (offset: number) => {
		const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - offset);
		return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
	};
	await storeRecord(
		page,
		{
			version: 1,
			lang: 'en',
			createdOn: day(2),
			measures: ['regular-stretching'],
			doctorFirst: false,
			ticks: { [day(1)]: ['regular-stretching'] }
		},
		1
	);
	await page.goto('/en/plan');
	await expect(page.locator('.plan-item')).toHaveCount(1);
	await expect(page.locator('.days li')).toHaveCount(3);
	await expect(page.locator('.days li').nth(1)).toContainText('1 of 1');
	await expect(page.getByText('This plan was made before FitNavigator kept the answers')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Do the self-check again' })).toBeVisible();
});

test('an unreadable plan is kept aside, offered for download, and never overwritten', async ({ page }) => {
	const damaged = { version: 1, lang: 'en', createdOn: 'yesterday', measures: [], ticks: 'lost' };
	await storeRecord(page, damaged, 1);
	await page.goto('/en/plan');
	await expect(page.getByRole('heading', { name: 'Your saved plan could not be read' })).toBeVisible();
	await expect(page.getByRole('status')).toHaveText('There is no plan on this device yet.');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: /Download the plan set aside on/ }).click()
	]);
	expect(JSON.parse(readFileSync(await download.path(), 'utf8'))).toEqual(damaged);

	// Making a new plan keeps the damaged one aside (and damages nothing else).
	await makePlan(page, 'en');
	await expect(page.getByRole('heading', { name: 'Your saved plan could not be read' })).toBeVisible();
	await page.reload();
	await expect(page.locator('.plan-item').first()).toBeVisible();
	await expect(page.getByRole('link', { name: /Download the plan set aside on/ })).toHaveCount(1);

	// Gone only when the reader deletes it.
	await page.getByRole('button', { name: 'Delete it from this device' }).click();
	await expect(page.getByRole('heading', { name: 'Your saved plan could not be read' })).toHaveCount(0);
	await page.reload();
	await expect(page.locator('.plan-item').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Your saved plan could not be read' })).toHaveCount(0);
});

test('a damaged record in the current store is set aside even when a new plan is saved first', async ({ page }) => {
	await storeRecord(page, 'not a plan', 1);
	// Straight to the check: the plan page has never opened, so saving must set it aside itself.
	await makePlan(page, 'en');
	await expect(page.getByRole('heading', { name: 'Your saved plan could not be read' })).toBeVisible();
});
