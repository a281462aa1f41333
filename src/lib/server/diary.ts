// What the diary page needs from the content library. The pattern monitor runs in the
// reader's browser (their entries never leave it), so it receives the self-check's own
// rules and the answers they refer to, as the server has them.
import type { Library } from '../core/content/library';
import type { Lang } from '../core/content/schema';
import { careView, type CareView } from '../core/content/view';
import type { DiaryChoices } from '../core/diary/choices';
import { checkForm, renderInline } from './assessment';
import { library } from './content';
import { renderMarkdown } from './markdown';

/** The library without what the monitor never reads (guides, experts); the sequences say where first aid stops. */
export const monitorLibrary = (): Library => ({ ...library, guides: [], experts: new Map() });

/** Each rule's "if it gets worse" text (Markdown, as the engine returns it) → inline HTML with its tel: links. */
const safetyNet = (lang: Lang): Record<string, string> =>
	Object.fromEntries(
		[...library.rules.values()].flatMap((r) => (r.ifWorse ? [[r.ifWorse.text[lang], renderInline(r.ifWorse.text[lang])]] : []))
	);

/** The self-check's choices with its signs in one list: an entry shows and exports each sign by its label. */
function diaryChoices(lang: Lang): DiaryChoices {
	const form = checkForm(lang);
	return { ...form, signs: form.signs.flatMap((g) => g.choices) };
}

export function diaryPage(lang: Lang) {
	const cards: Record<string, CareView> = Object.fromEntries(
		[...library.care.values()].map((c) => [c.id, careView(c, lang, renderMarkdown)])
	);
	return { choices: diaryChoices(lang), cards, rules: monitorLibrary(), safetyNet: safetyNet(lang) };
}

/** The report adds the English card titles and sign labels for the line to a doctor abroad. */
export function reportPage(lang: Lang) {
	const english = diaryChoices('en');
	return {
		...diaryPage(lang),
		doctor: { cards: Object.fromEntries([...library.care.values()].map((c) => [c.id, c.title.en])), signs: english.signs }
	};
}
