// One axe pass over every component example (testing.ts), as GOV.UK Frontend checks each of
// its examples: the server's HTML in one real Chromium page, the site's stylesheet applied.
// Each example is its own document (its language, its title), so ids never meet across
// examples; the dark palette is checked again for contrast, the one rule it changes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser } from '@playwright/test';
import type { AxeResults, RunOnly } from 'axe-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, chromiumPath } from '../../../tests/e2e/browser';
import { allExamples, escaped, html } from './testing';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SITE_CSS = readFileSync(new URL('../../app.css', import.meta.url), 'utf8');
const WCAG: RunOnly = { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] };
const CONTRAST: RunOnly = { type: 'rule', values: ['color-contrast'] };

let browser: Browser;
beforeAll(async () => {
	browser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_FLAGS });
});
afterAll(async () => {
	await browser?.close();
});

it('no WCAG 2.1 A/AA violation in any component example, nor low contrast in the dark palette', async () => {
	const page = await browser.newPage();
	const run = (runOnly: RunOnly) =>
		page.evaluate(
			(only) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: only }) as Promise<AxeResults>,
			runOnly
		);
	const found: string[] = [];
	for (const example of allExamples) {
		await page.emulateMedia({ colorScheme: 'light' });
		await page.setContent(
			`<!doctype html><html lang="${example.lang}"><head><meta charset="utf-8"><title>${escaped(example.name)}</title>` +
				`<style>${SITE_CSS}</style></head><body><main>${html(example)}</main></body></html>`
		);
		await page.addScriptTag({ path: AXE });
		const light = await run(WCAG);
		await page.emulateMedia({ colorScheme: 'dark' });
		const dark = await run(CONTRAST);
		// A page axe could not read would pass with no violations: each run must have checked something.
		if (light.passes.length === 0 || dark.passes.length + dark.violations.length === 0) found.push(`${example.name}: axe checked nothing`);
		for (const [palette, { violations }] of [
			['light', light],
			['dark', dark]
		] as const)
			for (const v of violations)
				found.push(`${example.name} (${example.lang}, ${palette}): ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	}
	await page.close();
	expect(found).toEqual([]);
}, 180_000);
