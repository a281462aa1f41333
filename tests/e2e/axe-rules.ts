import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * The axe rules a colour scheme can change. The reader's schemes are CSS only, the markup the
 * same in both: a page passes every rule in one scheme and these in the other.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * axe over the page as it is now, WCAG 2.1 A and AA in the scheme it is shown in: serious and
 * critical violations fail, or, with `anyImpact`, every one. Both schemes get every rule: the
 * colour rules alone took as long as all of them (color-contrast is most of a scan's time).
 */
export async function expectNoSeriousAxe(page: Page, where: string, colorScheme: 'light' | 'dark', { anyImpact = false } = {}) {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const bad = anyImpact ? violations : violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(bad.map((v) => `${where} (${colorScheme}): ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
