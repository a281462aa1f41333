// Error pages: in the reader's language, with the site around them and a way on, with
// JavaScript on and off; light and dark for axe (the scheme changes colours, not behaviour).
// The 500 comes from a test-only route that throws; only the Playwright web server turns it
// on (FITNAVIGATOR_TEST_SERVER_ERROR=1).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { COLOUR_RULES } from './axe-rules';

const TEXT = {
	en: { notFound: 'Page not found', error: 'Sorry, something went wrong on our side', switchTo: 'Русский', crampNow: 'Cramp now' },
	ru: { notFound: 'Страница не найдена', error: 'Простите, у нас что-то сломалось', switchTo: 'English', crampNow: 'Свело ногу' }
} as const;

const cases = [
	{ name: 'a missing guide', path: (lang: string) => `/${lang}/guides/no-such-guide`, status: 404 },
	{ name: 'a missing page', path: (lang: string) => `/${lang}/no-such-page/at-all`, status: 404 },
	{ name: 'a server error', path: (lang: string) => `/${lang}/test-only/server-error`, status: 500 }
];

for (const javaScriptEnabled of [true, false])
	test.describe(`error pages, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		for (const lang of ['en', 'ru'] as const)
			test(`a missing guide, a missing page and a server error in ${lang}`, async ({ page }) => {
				const problems: string[] = [];
				page.on('pageerror', (e) => problems.push(e.message));
				for (const c of cases) {
					const response = await page.goto(c.path(lang));
					expect(response?.status()).toBe(c.status);
					await expect(page.locator('html')).toHaveAttribute('lang', lang);
					const title = c.status === 404 ? TEXT[lang].notFound : TEXT[lang].error;
					const h1 = page.getByRole('heading', { level: 1 });
					await expect(h1).toHaveText(title);
					await expect(page).toHaveTitle(`${title} — FitNavigator`);
					// The header with every task ("Cramp now" first) and the language switch.
					const nav = page.getByRole('navigation');
					for (const task of ['first-aid', 'check', 'guides', 'plan', 'diary'])
						await expect(nav.locator(`a[href="/${lang}/${task}"]`)).toBeVisible();
					await expect(page.getByRole('link', { name: TEXT[lang].switchTo })).toHaveAttribute('href', c.path(lang === 'en' ? 'ru' : 'en'));
					await expect(nav.getByRole('link', { name: TEXT[lang].crampNow })).toHaveAttribute('href', `/${lang}/first-aid`);
					// A way on from the page itself: first aid, the self-check and the guides.
					const main = page.getByRole('main');
					for (const to of ['first-aid', 'check', 'guides']) await expect(main.locator(`a[href="/${lang}/${to}"]`)).toBeVisible();
					// Still there once the page has had time to hydrate (a failed hydration blanked it).
					await page.waitForLoadState('networkidle');
					await expect(h1).toHaveText(title);
				}
				expect(problems).toEqual([]);
			});
	});

// axe runs in the page, so with JavaScript on; the markup is the server's either way.
// One test per scheme and language: three axe runs each stay well inside the time limit on a busy machine.
// Every rule in the light scheme, the colour rules in the dark one.
for (const colorScheme of ['light', 'dark'] as const)
	for (const lang of ['en', 'ru'])
		test(
			colorScheme === 'light'
				? `error pages have no axe violations, landmarks included (light, ${lang})`
				: `error pages have no colour violations in the dark scheme (${lang})`,
			async ({ page }) => {
				await page.emulateMedia({ colorScheme });
				for (const c of cases) {
					await page.goto(c.path(lang));
					const axe = new AxeBuilder({ page });
					const { violations } = await (colorScheme === 'light' ? axe : axe.withRules(COLOUR_RULES)).analyze();
					const bad = violations.filter(
						(v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'region' || v.id.startsWith('landmark')
					);
					expect(bad.map((v) => `${c.path(lang)}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
				}
			}
		);

test('the language switch on a 404 leads to the same address in the other language', async ({ page }) => {
	await page.goto('/en/guides/no-such-guide');
	await page.getByRole('link', { name: 'Русский' }).click();
	await expect(page).toHaveURL('/ru/guides/no-such-guide');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Страница не найдена');
});

test('outside /en and /ru a 404 still has the site around it', async ({ page }) => {
	const response = await page.goto('/no-such-place');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	await expect(page.getByRole('link', { name: 'Русский' })).toHaveAttribute('href', '/ru');
});
