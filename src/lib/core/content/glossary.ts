// The editorial glossary (content/glossary.json): one word for one thing, per language.
// Pure: the caller passes the glossary and the text; this says which banned variants it uses.
import { z } from 'zod';
import { LANGS, type Lang } from './lang';

const entrySchema = z.strictObject({
	term: z.string().min(1),
	forbidden: z.array(z.string().min(1)).min(1),
	why: z.string().min(1),
	/**
	 * An abbreviation a reader may not know: a text that uses `short` spells out `full` at its first
	 * use (`*` as in variants, for the case endings). `except`: names that merely contain it (NHS 111).
	 */
	abbreviation: z
		.strictObject({ short: z.string().min(1), full: z.string().min(1), except: z.array(z.string().min(1)).default([]) })
		.optional()
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
type FirstUse = { term: string; short: RegExp; full: RegExp; except: string[] };
export type CompiledGlossary = Record<Lang, Matcher[]> & { firstUse: Record<Lang, FirstUse[]> };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A variant as a whole-word pattern; `*` is any word ending (Russian cases: понос* → поносе). */
function patternOf(variant: string): RegExp {
	const body = variant.split('*').map(escape).join('\\p{L}*').replace(/ /g, '\\s+');
	return new RegExp(`(?<![\\p{L}\\p{N}-])${body}(?![\\p{L}\\p{N}-])`, 'giu');
}

export function compileGlossary(glossary: Glossary): CompiledGlossary {
	const compiled = { firstUse: {} } as CompiledGlossary;
	for (const lang of LANGS) {
		compiled[lang] = glossary[lang].flatMap((e) => e.forbidden.map((variant) => ({ term: e.term, variant, pattern: patternOf(variant) })));
		compiled.firstUse[lang] = glossary[lang].flatMap(({ term, abbreviation: a }) =>
			a ? [{ term, short: patternOf(a.short), full: patternOf(a.full), except: a.except }] : []
		);
	}
	return compiled;
}

const around = (text: string, index: number, length: number) =>
	text
		.slice(Math.max(0, index - 40), index + length + 40)
		.replace(/\s+/g, ' ')
		.trim();

export function findForbidden(text: string, lang: Lang, glossary: CompiledGlossary): Finding[] {
	const found: Finding[] = [];
	for (const { term, variant, pattern } of glossary[lang]) {
		for (const m of text.matchAll(pattern)) found.push({ term, variant, excerpt: around(text, m.index, m[0].length) });
	}
	for (const { term, short, full, except } of glossary.firstUse[lang]) {
		const first = [...text.matchAll(short)].find((m) => !except.some((e) => text.startsWith(e, m.index)));
		if (!first) continue;
		// spelled out when a full form ends right after this first use, as in "… Великобритании (NHS)"
		const end = first.index + first[0].length;
		const spelledOut = [...text.matchAll(full)].some((m) => m.index < first.index && m.index + m[0].length >= end);
		if (!spelledOut) found.push({ term, variant: `${first[0]} (first use, not spelled out)`, excerpt: around(text, first.index, first[0].length) });
	}
	return found;
}

/** Which language a string is in when nothing else says: Cyrillic letters mean Russian. */
export const languageOf = (text: string): Lang => (/\p{Script=Cyrillic}/u.test(text) ? 'ru' : 'en');
