import { expect, test } from '@playwright/test';

// The palette is written once (src/app.css, light-dark()), and the build rewrites it for browsers
// without light-dark(). Every combination of the system's scheme and the first-aid page's manual
// theme (data-theme on <html>, none, light or dark) gets the palette it asks for.
const LIGHT = { bg: 'rgb(255, 255, 255)', fg: 'rgb(29, 29, 27)' };
const DARK = { bg: 'rgb(17, 20, 22)', fg: 'rgb(238, 241, 242)' };

for (const colorScheme of ['light', 'dark'] as const)
	test(`with the system ${colorScheme}, a manual theme overrides it and no theme follows it`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		await page.goto('/en');
		for (const theme of [undefined, 'light', 'dark'] as const) {
			const colours = await page.evaluate((theme) => {
				const root = document.documentElement;
				if (theme) root.dataset.theme = theme;
				else delete root.dataset.theme;
				const style = getComputedStyle(root);
				return { bg: style.backgroundColor, fg: style.color };
			}, theme);
			expect(colours, `system ${colorScheme}, theme ${theme ?? 'none'}`).toEqual((theme ?? colorScheme) === 'dark' ? DARK : LIGHT);
		}
	});
