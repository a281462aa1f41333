// What the diary page needs from the content library. The pattern monitor runs in the
// reader's browser (their entries never leave it), so it receives the self-check's own
// rules and the answers they refer to, as the server has them.
import type { Library } from '../core/content/library';
import type { Lang } from '../core/content/schema';
import { careView, type CareView } from '../core/content/view';
import { checkForm } from './assessment';
import { library } from './content';
import { renderMarkdown } from './markdown';

/** The library without what the engine never reads (guides, experts, first-aid sequences). */
export const monitorLibrary = (): Library => ({ ...library, guides: [], experts: new Map(), sequences: new Map() });

export function diaryPage(lang: Lang) {
	const cards: Record<string, CareView> = Object.fromEntries(
		[...library.care.values()].map((c) => [c.id, careView(c, lang, renderMarkdown)])
	);
	return { choices: checkForm(lang), cards, rules: monitorLibrary() };
}

/** The report adds the English card titles and sign labels for the line to a doctor abroad. */
export function reportPage(lang: Lang) {
	const english = checkForm('en');
	return {
		...diaryPage(lang),
		doctor: { cards: Object.fromEntries([...library.care.values()].map((c) => [c.id, c.title.en])), signs: english.signs }
	};
}
