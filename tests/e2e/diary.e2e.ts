import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { takeCheck } from './check-flow';
import { goOffline } from './offline';

// Each test gets a fresh browser context, so a fresh IndexedDB: nothing carries over.

async function open(page: Page, lang = 'en', query = '') {
	await page.goto(`/${lang}/diary${query}`);
	await expect(page.locator('#episode-form-title')).toBeVisible();
}

/** Logs one cramp through the form: `when` is "YYYY-MM-DDTHH:MM". */
async function log(page: Page, when: string, minutes: number, extra: { situation?: string; signs?: string[] } = {}) {
	await page.fill('#episode-when', when);
	await page.fill('#episode-minutes', String(minutes));
	if (extra.situation) await page.locator(`input[name="situation"][value="${extra.situation}"]`).check();
	if (extra.signs?.length) {
		await page.locator('.episode-form summary').click();
		for (const s of extra.signs) await page.locator(`input[name="signs"][value="${s}"]`).check();
	}
	const before = await page.locator('li.episode').count();
	await page.locator('.episode-form button[type="submit"]').click();
	await expect(page.locator('li.episode')).toHaveCount(before + 1);
}

const daysAgo = (n: number, time = '03:00') => {
	const d = new Date(Date.now() - n * 86_400_000);
	const pad = (x: number) => String(x).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${time}`;
};

/** First aid's kept sessions, as it stores them, `minutesAgo` before the page opens. */
async function keptByFirstAid(page: Page, sessions: { minutesAgo: number; durationSeconds: number; situation: string; outcome: string }[]) {
	await page.addInitScript((list) => {
		if (!localStorage.getItem('fitnavigator.first-aid.episodes.v1'))
			localStorage.setItem(
				'fitnavigator.first-aid.episodes.v1',
				JSON.stringify(
					list.map(({ minutesAgo, ...s }) => ({ startedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(), ...s, helped: null }))
				)
			);
	}, sessions);
}

async function expectNoSeriousAxe(page: Page, where: string) {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(bad.map((v) => `${where}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const timezoneId of ['Europe/Moscow', 'America/New_York']) {
	test.describe(`in ${timezoneId}`, () => {
		test.use({ timezoneId });

		test('three 20-minute cramps in one week bring the phlebologist card, and survive a reload', async ({ page }) => {
			await open(page);
			await expect(page.locator('.monitor .none')).toContainText('No entries yet');
			await log(page, daysAgo(5), 20);
			await log(page, daysAgo(3), 20);
			await expect(page.locator('.monitor [data-id="see-doctor-recurring"]')).toHaveCount(0);
			await log(page, daysAgo(1), 20);
			const monitor = page.locator('.monitor');
			await expect(monitor).toHaveAttribute('data-urgency', 'urgent');
			await expect(monitor.locator('[data-id="see-doctor-recurring"]')).toContainText('phlebologist');
			await expect(monitor.locator('[data-rule="long-and-frequent"] .triggers a')).toHaveCount(3);
			await page.reload();
			await expect(page.locator('li.episode')).toHaveCount(3);
			await expect(page.locator('.monitor [data-id="see-doctor-recurring"]')).toBeVisible();
			// the entry keeps its local day and time
			await expect(page.locator('li.episode').first()).toContainText('03:00');
		});
	});
}

test('an entry can be edited, and a deleted one comes back with undo', async ({ page }) => {
	await open(page);
	await log(page, daysAgo(2, '22:15'), 4);
	const entry = page.locator('li.episode').first();
	await entry.getByRole('button', { name: /Edit/ }).click();
	await page.fill('#episode-minutes', '12');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(entry).toContainText('12 min');
	await expect(page.locator('.monitor [data-rule="long-cramp"]')).toBeVisible();
	await entry.getByRole('button', { name: /Delete/ }).click();
	await expect(page.locator('li.episode')).toHaveCount(0);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.locator('li.episode')).toHaveCount(1);
	await page.reload();
	await expect(page.locator('li.episode')).toContainText('12 min');
});

test('a logged warning sign brings its card at once (ru)', async ({ page }) => {
	await open(page, 'ru');
	await log(page, daysAgo(0, '00:30'), 3, { signs: ['swelling'] });
	await expect(page.locator('.monitor [data-rule="clot-signs"]')).toBeVisible();
	await expect(page.locator('.monitor')).toHaveAttribute('data-urgency', 'urgent');
});

test('first aid hands its episodes over once, and opens the details of the newest', async ({ page }) => {
	await page.addInitScript(() => {
		const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
		if (!localStorage.getItem('fitnavigator.first-aid.episodes.v1'))
			localStorage.setItem(
				'fitnavigator.first-aid.episodes.v1',
				JSON.stringify([
					{ startedAt: at(3000), durationSeconds: 90, situation: 'bed', outcome: 'gone', helped: true },
					{ startedAt: at(30), durationSeconds: 700, situation: 'after-sport', outcome: 'completed', helped: false }
				])
			);
	});
	await open(page, 'en', '?from=first-aid');
	await expect(page.locator('#episode-form-title')).toHaveText('Add the details of the cramp you just went through');
	await expect(page.locator('#episode-minutes')).toHaveValue('11.7');
	await expect(page.locator('input[name="situation"][value="sport"]')).toBeChecked();
	await expect(page.locator('li.episode')).toHaveCount(2);
	await expect(page.locator('.status')).toContainText('2 cramps from first aid');
	await page.reload();
	await expect(page.locator('li.episode')).toHaveCount(2);
	// deleting an imported entry does not bring it back on the next visit
	await page
		.locator('li.episode')
		.first()
		.getByRole('button', { name: /Delete/ })
		.click();
	await page.reload();
	await expect(page.locator('li.episode')).toHaveCount(1);
});

// First aid stops at its 10-minute limit with the cramp still there and sends the reader to
// a doctor today; the diary must read that cramp as longer than 10 minutes, not as 10.
test('a first-aid session stopped at the time limit is a cramp over 10 minutes, and says so', async ({ page }) => {
	await keptByFirstAid(page, [{ minutesAgo: 20, durationSeconds: 600, situation: 'bed', outcome: 'time-limit' }]);
	await open(page, 'en', '?from=first-aid');
	await expect(page.locator('#episode-minutes')).toHaveValue('10.1');
	await expect(page.locator('li.episode')).toContainText('first aid stopped at the time limit: see a doctor today');
	await expect(page.locator('.monitor [data-rule="long-cramp"]')).toBeVisible();
	await expect(page.locator('.monitor')).toHaveAttribute('data-urgency', 'urgent');
});

test.describe('with JavaScript off', () => {
	test.use({ javaScriptEnabled: false });
	test('says the diary needs JavaScript and where the data lives', async ({ page }) => {
		await page.goto('/en/diary');
		await expect(page.locator('h1')).toHaveText('Cramp diary');
		// innerText: what the reader sees (textContent skips what <noscript> shows)
		await expect(page.locator('main')).toContainText('The cramp diary needs JavaScript', { useInnerText: true });
		await expect(page.locator('main')).toContainText('IndexedDB', { useInnerText: true });
		await expect(page.locator('main')).not.toContainText('Opening your diary', { useInnerText: true });
	});
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`axe finds nothing serious with entries and a card (${colorScheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		await open(page);
		await log(page, daysAgo(1), 12, { signs: ['numbness'] });
		await page.locator('.episode-form summary').click();
		await expectNoSeriousAxe(page, `diary ${colorScheme}`);
	});
}

test('charts show the weeks with a text summary and a table, and the plan beside the counts', async ({ page }) => {
	await open(page);
	await expect(page.locator('.adherence')).toContainText('With a prevention plan on this device');
	await log(page, daysAgo(1, '02:00'), 6);
	await log(page, daysAgo(1, '14:00'), 2);
	const charts = page.locator('.charts');
	await expect(charts.locator('#chart-weekly-summary')).toContainText('2 cramps in the last 12 weeks');
	await expect(charts.locator('svg[role="img"]').first()).toHaveAttribute('aria-labelledby', 'chart-weekly chart-weekly-summary');
	await charts.locator('details summary').first().click();
	await expect(charts.locator('table').first().locator('tbody tr')).toHaveCount(12);
	await expect(charts).toContainText('1 at night (22:00–06:00), 1 during the day.');
});

test('the evening reminder downloads as a daily calendar event, and the notification can be switched on', async ({ page, context }) => {
	await context.grantPermissions(['notifications']);
	await open(page);
	await page.fill('#reminder-time', '21:45');
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Add to my calendar (.ics)' }).click()
	]);
	expect(file.suggestedFilename()).toBe('fitnavigator-diary-reminder.ics');
	const ics = await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8');
	expect(ics).toMatch(/DTSTART:\d{8}T214500\r\n/);
	expect(ics).toContain('RRULE:FREQ=DAILY');
	await page.getByRole('button', { name: 'Also notify me while FitNavigator is open' }).click();
	await expect(page.locator('.reminder [role="status"]')).toHaveText(
		'You will be notified at 21:45 while FitNavigator is open on this device.'
	);
	await page.reload();
	await expect(page.locator('.reminder [role="status"]')).toContainText('21:45');
});

async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
	const { readFile } = await import('node:fs/promises');
	return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

test('CSV and FHIR downloads, and a backup restored in a fresh browser', async ({ page, browser }) => {
	await open(page);
	await log(page, daysAgo(2, '01:15'), 20, { signs: ['numbness'] });
	await log(page, daysAgo(1, '23:40'), 3);
	const csv = await downloaded(page, 'Download as a spreadsheet (CSV)');
	expect(csv.name).toMatch(/^fitnavigator-diary-\d{4}-\d{2}-\d{2}\.csv$/);
	expect(csv.text.trimEnd().split('\r\n')).toHaveLength(3);
	expect(csv.text).toContain('"numbness"');
	const fhir = await downloaded(page, "Download for a doctor's system (FHIR R4)");
	const bundle = JSON.parse(fhir.text);
	expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
	expect(bundle.entry.filter((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Observation')).toHaveLength(2);
	const backup = await downloaded(page, 'Download a full backup (JSON)');

	const fresh = await browser.newPage();
	await open(fresh);
	await expect(fresh.locator('li.episode')).toHaveCount(0);
	await fresh
		.locator('#restore-file')
		.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup.text) });
	await expect(fresh.locator('.status')).toContainText('Restored 2 entries from the backup.');
	await expect(fresh.locator('li.episode')).toHaveCount(2);
	await fresh.reload();
	await expect(fresh.locator('li.episode')).toHaveCount(2);
	// the CSV goes back in too; a broken row names its line and nothing is taken in
	const broken = csv.text.replace('"20"', '"twenty"');
	await fresh.locator('#csv-file').setInputFiles({ name: 'diary.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
	await expect(fresh.locator('.files [role="alert"]')).toContainText('line 2: durationMinutes');
	await expect(fresh.locator('li.episode')).toHaveCount(2);
	await fresh.close();
});

test('an unreadable record is kept aside, shown and downloadable, never dropped', async ({ page }) => {
	await open(page);
	await log(page, daysAgo(1), 4);
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const req = indexedDB.open('fitnavigator-diary');
				req.onsuccess = () => {
					const tx = req.result.transaction('episodes', 'readwrite');
					tx.objectStore('episodes').put({ version: 1, id: 'broken-1', intensity: 42 }, 'broken-1');
					tx.oncomplete = () => (req.result.close(), resolve());
					tx.onerror = () => reject(tx.error);
				};
			})
	);
	await page.reload();
	await expect(page.locator('.damaged h2')).toHaveText('Entries that could not be read: 1');
	await expect(page.locator('.damaged li')).toContainText('broken-1');
	await expect(page.locator('li.episode')).toHaveCount(1);
	const file = await downloaded(page, 'Download the unreadable entries');
	expect(JSON.parse(file.text)[0].record).toEqual({ version: 1, id: 'broken-1', intensity: 42 });
	// a backup carries it too, untouched
	const backup = JSON.parse((await downloaded(page, 'Download a full backup (JSON)')).text);
	expect(backup.records.map((r: { key: string }) => r.key)).toContain('broken-1');
});

test("the doctor's report: chosen period, rules met, an English line in Russian, and it prints on one or two pages", async ({ page }) => {
	await open(page, 'ru');
	for (const ago of [6, 4, 2]) await log(page, daysAgo(ago, '02:10'), 20, ago === 2 ? { signs: ['numbness'] } : {});
	await log(page, daysAgo(40, '02:10'), 5);
	await page.goto('/ru/diary/report');
	const report = page.locator('article.report');
	await expect(report).toContainText('Записано судорог: 3');
	await expect(report.locator('[data-rule="long-and-frequent"]')).toContainText('флеболог');
	const doctor = report.locator('section.doctor p[lang="en"]');
	await expect(doctor).toContainText('Patient-kept cramp diary');
	await expect(doctor).toContainText('3 episodes, longest 20 min');
	await expect(doctor).toContainText('Warning signs logged: Numbness or tingling in the leg (1).');
	// a longer period takes in the older entry
	await page.fill('#report-from', daysAgo(60).slice(0, 10));
	await expect(report).toContainText('Записано судорог: 4');
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.controls')).toBeHidden();
	for (const format of ['A4', 'Letter'] as const) {
		const pdf = (await page.pdf({ format })).toString('latin1');
		const pages = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
		expect(pages, format).toBeGreaterThanOrEqual(1);
		expect(pages, format).toBeLessThanOrEqual(2);
	}
});

test('offline after one visit: the diary opens, takes a new entry, and the report opens', async ({ page, context }) => {
	await open(page);
	await log(page, daysAgo(1), 5);
	await page.evaluate(async () => void (await navigator.serviceWorker.ready));
	await goOffline(page, context);
	await page.reload();
	await expect(page.locator('li.episode')).toHaveCount(1);
	await log(page, daysAgo(0, '00:05'), 3);
	await page.goto('/en/diary/report');
	await expect(page.locator('article.report')).toContainText('Cramps logged: 2');
	await page.goto('/ru/diary');
	await expect(page.locator('li.episode')).toHaveCount(2);
});

/** Logs one cramp with factors and signs ticked under the form's details. */
async function logWith(page: Page, when: string, minutes: number, ticks: { factors?: string[]; signs?: string[] }) {
	await page.fill('#episode-when', when);
	await page.fill('#episode-minutes', String(minutes));
	await page.locator('.episode-form summary').click();
	for (const f of ticks.factors ?? []) await page.locator(`input[name="factors"][value="${f}"]`).check();
	for (const s of ticks.signs ?? []) await page.locator(`input[name="signs"][value="${s}"]`).check();
	const before = await page.locator('li.episode').count();
	await page.locator('.episode-form button[type="submit"]').click();
	await expect(page.locator('li.episode')).toHaveCount(before + 1);
}

test('[H-40.1] a new medicine on one day and weakness on another are one answer: urgent, as the self-check says', async ({ page }) => {
	await open(page);
	await logWith(page, daysAgo(3), 2, { factors: ['new-medicine'] });
	await logWith(page, daysAgo(1), 2, { signs: ['weakness'] });
	const monitor = page.locator('.monitor');
	await expect(monitor).toHaveAttribute('data-urgency', 'urgent');
	await expect(monitor.locator('[data-rule="medicine-and-weakness"] .triggers a')).toHaveCount(2);
	// the engine's "if it gets worse", numbers as links, never as raw Markdown
	await monitor.locator('.if-worse-more summary').click();
	await expect(monitor.locator('.if-worse li').first()).toBeVisible();
	await expect(monitor).not.toContainText('](tel:');
});

test('[H-41.1] a sign logged more than a week ago is asked about, not "call now" (ru)', async ({ page }) => {
	await open(page, 'ru');
	await logWith(page, daysAgo(10), 3, { signs: ['cold-pale-leg'] });
	const monitor = page.locator('.monitor');
	await expect(monitor.locator('.earlier[data-rule="cold-leg"]')).toContainText('Если это сохраняется');
	await expect(monitor.locator('.earlier[data-rule="cold-leg"] a[href^="tel:"]')).not.toHaveCount(0);
	await expect(monitor).not.toHaveAttribute('data-urgency', 'emergency');
	await expect(monitor.locator('.care-emergency')).toHaveCount(0);
	await expectNoSeriousAxe(page, 'diary with an old sign (ru)');
});

test('[H-42.1] first aid stopped because the pain kept coming back: the diary shows the card first aid showed', async ({ page }) => {
	await keptByFirstAid(page, [{ minutesAgo: 20, durationSeconds: 240, situation: 'standing', outcome: 'repeat-limit' }]);
	await open(page);
	await expect(page.locator('li.episode')).toContainText('4 min');
	await expect(page.locator('.monitor [data-rule="long-cramp"] .triggers a')).toHaveCount(1);
	await expect(page.locator('.monitor')).toHaveAttribute('data-urgency', 'urgent');
});

test('[H-40.2] the diary asks the age group once, keeps it on the device, and its rules follow it', async ({ page }) => {
	await open(page);
	// an empty diary opens on its form and says what an empty diary means
	await expect(page.locator('.monitor .none')).toContainText('No entries yet');
	await expect(page.locator('.monitor .age')).toHaveCount(0);
	for (const n of [5, 3, 1]) await log(page, daysAgo(n), 2);
	const age = page.locator('.monitor .age');
	await expect(age).toBeVisible();
	await expectNoSeriousAxe(page, 'diary asking the age group');
	await age.getByRole('button', { name: 'A child under 16' }).click();
	await expect(page.locator('.monitor [data-rule="child-frequent"]')).toBeVisible();
	await page.reload();
	await expect(page.locator('.monitor')).toHaveAttribute('data-age-group', 'child');
	await expect(page.locator('.monitor .age')).toHaveCount(0);
	await expect(page.locator('.monitor .age-given')).toContainText('A child under 16');
});

test("the monitor shows the self-check's last level when it says more than the diary, and not when it says less (issue 19 item 9)", async ({
	page
}) => {
	await takeCheck(page, 'en', { situation: 'night', minutes: '5', perWeek: '1', signs: ['swelling'] });
	// the result's own heading, as check.e2e.ts proves it is stored
	const { title } = await page.evaluate(() => JSON.parse(localStorage.getItem('fitnavigator-last-check')!) as { title: string });
	await open(page);
	const last = page.locator('.monitor .last-check');
	await expect(last).toHaveAttribute('data-urgency', 'urgent');
	await expect(last).toContainText('Urgent advice');
	await expect(last).toContainText(title);
	await expect(last.getByRole('link', { name: 'Take the self-check again' })).toHaveAttribute('href', '/en/check');
	// a self-care answer is not more than an empty diary says
	await takeCheck(page, 'en', { situation: 'night', minutes: '1', perWeek: '0' });
	await open(page);
	await expect(page.locator('.monitor .none')).toContainText('No entries yet');
	await expect(last).toHaveCount(0);
});
