// Cuts the browser's network and proves it: the health check, which the service worker never
// keeps, must fail to load, so what loads afterwards came from the cache.
import { expect, type BrowserContext, type Page } from '@playwright/test';

export async function goOffline(page: Page, context: BrowserContext): Promise<void> {
	await context.setOffline(true);
	// A service worker the browser restarts does not inherit the emulated offline state: refuse
	// its requests too (playwright.config.ts routes service workers' requests).
	await context.route('**/*', (route) => route.abort('internetdisconnected'));
	expect(
		await page.evaluate(() =>
			fetch('/healthz').then(
				() => 'loaded',
				() => 'failed'
			)
		)
	).toBe('failed');
}
