// Cuts the browser's network and proves it: a page the service worker does not keep
// (the guide list) must fail to load, so what loads afterwards came from the cache.
import { expect, type BrowserContext, type Page } from '@playwright/test';

export async function goOffline(page: Page, context: BrowserContext): Promise<void> {
	await context.setOffline(true);
	expect(
		await page.evaluate(() =>
			fetch('/en/guides').then(
				() => 'loaded',
				() => 'failed'
			)
		)
	).toBe('failed');
}
