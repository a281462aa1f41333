// The editorial glossary (content/glossary.json): one word for one thing, per language.
// Pure: the caller passes the glossary and the text; this says which banned variants it uses.
import { z } from 'zod';
import { LANGS, type Lang } from './lang';

const entrySchema = z.strictObject({
	term: z.string().min(1),
	forbidden: z.array(z.string().min(1)).min(1),
	why: z.string().min(1)
});
export const glossarySchema = z.strictObject({
	about: z.string(),
	en: z.array(entrySchema),
	ru: z.array(entrySchema)
});
export type Glossary = z.infer<typeof glossarySchema>;

/** A banned variant found in a text: the term to use instead, and the words around it. */
export type Finding = { term: string; variant: string; excerpt: string };

type Matcher = { term: string; variant: string; pattern: RegExp };
export type CompiledGlossary = Record<Lang, Matcher[]>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A variant as a whole-word pattern; `*` is any word ending (Russian cases: понос* → поносе). */
function patternOf(variant: string): RegExp {
	const body = variant.split('*').map(escape).join('\\p{L}*').replace(/ /g, '\\s+');
	return new RegExp(`(?<![\\p{L}\\p{N}-])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

export function compileGlossary(glossary: Glossary): CompiledGlossary {
	const compiled = {} as CompiledGlossary;
	for (const lang of LANGS)
		compiled[lang] = glossary[lang].flatMap((e) => e.forbidden.map((variant) => ({ term: e.term, variant, pattern: patternOf(variant) })));
	return compiled;
}

export function findForbidden(text: string, lang: Lang, glossary: CompiledGlossary): Finding[] {
	const found: Finding[] = [];
	for (const { term, variant, pattern } of glossary[lang]) {
		for (const m of text.matchAll(pattern)) {
			const from = Math.max(0, m.index - 40);
			found.push({ term, variant, excerpt: text.slice(from, m.index + m[0].length + 40).replace(/\s+/g, ' ').trim() });
		}
	}
	return found;
}

/** Which language a string is in when nothing else says: Cyrillic letters mean Russian. */
export const languageOf = (text: string): Lang => (/\p{Script=Cyrillic}/u.test(text) ? 'ru' : 'en');
