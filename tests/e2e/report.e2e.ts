import { expect, test, type Page } from '@playwright/test';

// The doctor's report (/{lang}/diary/report): made in the browser from the diary in IndexedDB.
// Each test gets a fresh browser context, so a fresh IndexedDB. Days are counted in UTC here
// and in the browser, so an entry logged "n days ago" falls on the same day for both.
test.use({ timezoneId: 'UTC' });

declare global {
	interface Window {
		__shifts: { value: number; sources: string[] }[];
	}
}

/** The Layout Instability API's entry (not in TypeScript's DOM types). */
type LayoutShift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] };

/** A readable entry, as the diary stores it, `daysAgo` days before today. */
function entry(i: number, daysAgo: number) {
	return {
		key: `given-${String(i).padStart(4, '0')}`,
		value: {
			version: 1,
			id: `given-${String(i).padStart(4, '0')}`,
			day: new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10),
			time: `0${i % 6}:${String(i % 60).padStart(2, '0')}`,
			offsetMinutes: 0,
			leg: i % 2 ? 'left' : 'right',
			muscle: 'calf',
			durationMinutes: 2 + (i % 7),
			intensity: i % 11,
			situation: 'night',
			factors: i % 3 ? [] : ['alcohol'],
			signs: [],
			note: i % 4 ? '' : 'Woke me up; stood on the cold floor until it let go.',
			origin: 'diary'
		}
	};
}

/**
 * Writes records exactly as given (readable or not) into the diary's store. The app must have
 * opened the diary once in this context first: it creates the store.
 */
async function putRecords(page: Page, records: { key: string; value: unknown }[]) {
	await page.evaluate(
		(list) =>
			new Promise<void>((resolve, reject) => {
				const req = indexedDB.open('fitnavigator-diary');
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const tx = req.result.transaction('episodes', 'readwrite');
					for (const r of list) tx.objectStore('episodes').put(r.value, r.key);
					tx.oncomplete = () => (req.result.close(), resolve());
					tx.onabort = () => reject(tx.error);
				};
			}),
		records
	);
}

/** Every layout shift from the first paint on (not after input), with the nodes that moved. */
async function recordShifts(page: Page) {
	await page.addInitScript(() => {
		window.__shifts = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries() as LayoutShift[])
				if (!e.hadRecentInput)
					window.__shifts.push({
						value: e.value,
						sources: (e.sources ?? []).map((s) =>
							s.node instanceof Element ? `${s.node.tagName}.${s.node.className}` : String(s.node?.nodeName)
						)
					});
		}).observe({ type: 'layout-shift', buffered: true });
	});
}

/** Waits for the report, then a second more for anything late, and returns the shifts seen. */
async function shiftsOfLoad(page: Page) {
	await expect(page.locator('article.report')).toBeVisible();
	await page.waitForTimeout(1000);
	return page.evaluate(() => window.__shifts);
}

const total = (shifts: { value: number }[]) => shifts.reduce((sum, s) => sum + s.value, 0);
/** Keeps the figure in the test's annotations (the JSON report), for docs/reader.md. */
function noted(what: string, cls: number) {
	test.info().annotations.push({ type: 'CLS', description: `${what}: ${cls.toFixed(4)}` });
	return cls;
}

// Lighthouse's phone (412 × 823), the phone (390 × 844) and a desktop window
for (const viewport of [
	{ width: 412, height: 823 },
	{ width: 390, height: 844 },
	{ width: 1280, height: 720 }
])
	test(`the report fills in without moving anything: CLS ≤ 0.02 with an empty diary and with 30 entries (${viewport.width} × ${viewport.height})`, async ({
		page
	}) => {
		await page.setViewportSize(viewport);
		await recordShifts(page);
		for (const lang of ['en', 'ru'] as const) {
			await page.goto(`/${lang}/diary/report`);
			const empty = await shiftsOfLoad(page);
			expect(noted(`${lang}, empty diary`, total(empty)), `${lang}, empty diary: ${JSON.stringify(empty)}`).toBeLessThanOrEqual(0.02);
			await expect(page.locator('article.report .unreadable')).toHaveCount(0);
		}
		await putRecords(
			page,
			Array.from({ length: 30 }, (_, i) => entry(i, i % 27))
		);
		for (const lang of ['en', 'ru'] as const) {
			await page.goto(`/${lang}/diary/report`);
			const full = await shiftsOfLoad(page);
			await expect(page.locator('article.report table.entries tbody tr')).toHaveCount(30);
			expect(noted(`${lang}, 30 entries`, total(full)), `${lang}, 30 entries: ${JSON.stringify(full)}`).toBeLessThanOrEqual(0.02);
		}
	});

test('[H-52.1] an unreadable record is named in the report (with a link to the diary), the good entries are counted, and it prints', async ({
	page
}) => {
	await page.goto('/en/diary/report');
	await expect(page.locator('article.report')).toContainText('No cramps were logged in this period.');
	await putRecords(page, [entry(1, 1), entry(2, 3), { key: 'broken-1', value: { version: 1, id: 'broken-1', intensity: 42 } }]);
	await page.reload();
	const report = page.locator('article.report');
	await expect(report).toContainText('Cramps logged: 2');
	await expect(report.locator('table.entries tbody tr')).toHaveCount(2);
	const line = report.locator('.unreadable');
	await expect(line).toHaveText('1 entry could not be read and is not in this report — see the diary');
	await expect(line.getByRole('link', { name: 'see the diary' })).toHaveAttribute('href', '/en/diary');
	// the doctor reads it on paper too
	await page.emulateMedia({ media: 'print' });
	await expect(line).toBeVisible();
	await page.emulateMedia({ media: 'screen' });
	// the diary behind the link shows the same record
	await line.getByRole('link', { name: 'see the diary' }).click();
	await expect(page.locator('.damaged h2')).toHaveText('Entries that could not be read: 1');

	// in Russian, with the count's own form, and in the English line for the doctor
	await putRecords(page, [{ key: 'broken-2', value: 'not an entry' }]);
	await page.goto('/ru/diary/report');
	await expect(page.locator('article.report')).toContainText('Записано судорог: 2');
	const ru = page.locator('article.report .unreadable');
	await expect(ru).toHaveText('2 записи не удалось прочитать, в отчёт они не вошли — посмотрите в дневнике');
	await expect(ru.getByRole('link')).toHaveAttribute('href', '/ru/diary');
	await expect(page.locator('article.report section.doctor p[lang="en"]')).toContainText(
		'Diary records that could not be read and are not included: 2.'
	);
});
