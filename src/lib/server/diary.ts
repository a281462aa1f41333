// What the diary page needs from the content library. The pattern monitor runs in the
// reader's browser (their entries never leave it), so it receives the self-check's own
// rules and the answers they refer to, as the server has them.
import type { Lang } from '../core/content/schema';
import type { DiaryChoices } from '../core/diary/choices';
import { checkForm, engineLibrary, resultViews } from './assessment';
import { library } from './content';

/** The self-check's choices with its signs in one list: an entry shows and exports each sign by its label. */
function diaryChoices(lang: Lang): DiaryChoices {
	const form = checkForm(lang);
	return { ...form, signs: form.signs.flatMap((g) => g.choices) };
}

/**
 * What the pattern monitor reads: the cards, the engine's rules, and each rule's "if it gets
 * worse" text (Markdown, as the engine returns it) rendered to inline HTML. The sequences in
 * the library say where first aid stops.
 */
export function monitorLibrary(lang: Lang) {
	const { cards, inline } = resultViews(lang);
	return { cards, rules: engineLibrary(), safetyNet: inline };
}
export type MonitorLibrary = ReturnType<typeof monitorLibrary>;

/**
 * The diary page's own data: the form's choices only. The monitor's library (260 KB inline, most
 * of the page's work before the form answered) is fetched from `/{lang}/diary/monitor` once the
 * entries are on screen.
 */
export const diaryPage = (lang: Lang) => ({ choices: diaryChoices(lang) });

/** The report adds the English card titles and sign labels for the line to a doctor abroad. */
export function reportPage(lang: Lang) {
	const english = diaryChoices('en');
	return {
		...diaryPage(lang),
		doctor: { cards: Object.fromEntries([...library.care.values()].map((c) => [c.id, c.title.en])), signs: english.signs }
	};
}
