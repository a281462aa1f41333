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

/** What answers the self-check: its rules, the questions' answers (signs, factors, situations), notes and urgency cards. */
export const ruleSetVersion = (lib: Library): Version =>
	versionOf(
		`${flatten({ rules: lib.rules, signs: lib.signs, factors: lib.factors, situations: lib.situations, notes: lib.notes, care: lib.care }).join('\n')}\n`
	);

/** The hazard log is one Markdown file, signed as written. */
export const documentVersion = (markdown: string): Version => versionOf(markdown);
