// The identity of what a reader sees: a guide in one language with every item it shows
// (built exactly as the API's structured guide is), the self-check's rule set, or the
// hazard log. Written out as "path: value" lines, one per field, so a sign-off can keep
// the text and the desk can show a line diff; the version is that text's SHA-256.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Library } from '../content/library';
import type { Guide, Lang } from '../content/schema';
import { guideView } from '../content/view';

export type Version = { hash: string; text: string };

/** Every leaf of `value` as a "path: value" line; object keys sorted so the text is stable. */
export function flatten(value: unknown, path = ''): string[] {
	if (value === undefined) return [];
	if (value === null || typeof value !== 'object') return [`${path}: ${String(value).replaceAll('\n', '\n  ')}`];
	if (value instanceof Map)
		return flatten(Object.fromEntries([...value.entries()].sort(([a], [b]) => String(a).localeCompare(String(b)))), path);
	if (Array.isArray(value)) return value.flatMap((item, i) => flatten(item, `${path}[${i}]`));
	return Object.keys(value)
		.sort()
		.flatMap((key) => flatten((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key));
}

export const versionOf = (text: string): Version => ({ text, hash: bytesToHex(sha256(utf8ToBytes(text))) });

const asMarkdown = (markdown: string) => markdown;

/** A guide as the reader sees it in `lang`: the guide file and every card, cause, exercise, measure and source it shows. */
export const guideVersion = (lib: Library, guide: Guide, lang: Lang): Version =>
	versionOf(`${flatten(guideView(lib, guide, lang, asMarkdown)).join('\n')}\n`);

/**
 * The messages that carry clinical words around an answer: the urgency labels, the
 * specialist lines, "if it gets worse" and the other headings of a result. A change to
 * any of them changes what a reader is told to do, so it changes the rule-set version.
 */
export const CLINICAL_MESSAGE_KEYS = [
	/^care\./,
	/^check\.result\.(urgency|reasons|whyShort|nowShort|rightNow|rightNowLead|ifWorse|ifWorseLead|moreSigns|leftOut|leftOutLead|instead|precaution|guidedFirstAid)$/
];
export type MessageCatalogs = Partial<Record<Lang, Record<string, string>>>;

/** Only the clinical messages of each catalog, so unrelated wording (the desk's, the diary's) leaves the version alone. */
const clinicalMessages = (catalogs: MessageCatalogs) =>
	Object.fromEntries(
		Object.entries(catalogs).map(([lang, messages]) => [
			lang,
			Object.fromEntries(Object.entries(messages ?? {}).filter(([key]) => CLINICAL_MESSAGE_KEYS.some((k) => k.test(key))))
		])
	);

/**
 * What answers the self-check, the API and first aid: every input to an answer. Rules, the
 * questions' answers (signs, factors, situations, age groups), notes, urgency cards,
 * phrases, exercises and measures (with `avoidWith`, `medicine`, their kinds and the
 * cards' forbids), first-aid sequences, the causes and sources a result names, and the
 * clinical messages. Leaving one out would let it change under a clinician's signature.
 */
export const ruleSetVersion = (lib: Library, messages: MessageCatalogs = {}): Version =>
	versionOf(
		`${flatten({
			rules: lib.rules,
			signs: lib.signs,
			factors: lib.factors,
			situations: lib.situations,
			ages: lib.ages,
			notes: lib.notes,
			care: lib.care,
			phrases: lib.phrases,
			exercises: lib.exercises,
			measures: lib.measures,
			sequences: lib.sequences,
			causes: lib.causes,
			sources: lib.sources,
			messages: clinicalMessages(messages)
		}).join('\n')}\n`
	);

/** The hazard log is one Markdown file, signed as written. */
export const documentVersion = (markdown: string): Version => versionOf(markdown);
