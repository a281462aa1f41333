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

export function diaryPage(lang: Lang) {
	// the sequences in the library say where first aid stops; each rule's "if it gets worse" text (Markdown, as the engine returns it) → inline HTML
	const { cards, inline } = resultViews(lang);
	return { choices: diaryChoices(lang), cards, rules: engineLibrary(), safetyNet: inline };
}

/** The report adds the English card titles and sign labels for the line to a doctor abroad. */
export function reportPage(lang: Lang) {
	const english = diaryChoices('en');
	return {
		...diaryPage(lang),
		doctor: { cards: Object.fromEntries([...library.care.values()].map((c) => [c.id, c.title.en])), signs: english.signs }
	};
}
