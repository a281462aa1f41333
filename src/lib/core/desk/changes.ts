// What changed in a guide since its last sign-off, said as a reader finds it: the
// section and item (by their headings and titles), the part of it (a step, the dose, the
// text) and the words removed and added, not the version's "sections[5].exercises[0]
// .steps[0]" paths. Read from the two version texts alone (src/lib/core/desk/version.ts),
// so a removed item is still named by its old title.
import { sequenceDiff, type DiffLine } from './review';

/** A version's "path: value" lines as fields; the lines `flatten` indented belong to the field above. */
export function versionFields(text: string): Map<string, string> {
	const fields = new Map<string, string>();
	let last: string | undefined;
	for (const line of text.split('\n')) {
		if (line.startsWith('  ') && last !== undefined) fields.set(last, `${fields.get(last)}\n${line.slice(2)}`);
		else {
			const at = line.indexOf(': ');
			if (at < 0) continue;
			last = line.slice(0, at);
			fields.set(last, line.slice(at + 2));
		}
	}
	return fields;
}

/** Lists whose items a reader knows by a heading, title or name. */
const CONTAINERS = new Set(['sections', 'care', 'causes', 'exercises', 'measures', 'sources', 'preparedBy']);

/** The parts of an item the desk has a name for (`editor.reviews.part.<name>`); any other is "another detail". */
export const PARTS = [
	'title',
	'heading',
	'body',
	'summary',
	'steps',
	'dose',
	'reason',
	'when',
	'action',
	'now',
	'level',
	'evidence',
	'citedFor',
	'publisher',
	'url',
	'year',
	'role',
	'name',
	'tags',
	'updatedOn',
	'status',
	'position',
	'sources',
	'causes'
] as const;
export type Part = (typeof PARTS)[number] | 'other';

export type FieldChange = {
	/** Headings and titles of the section and item the field is in, outermost first. */
	where: string[];
	part: Part;
	/** 1-based, for a numbered part (a step). */
	n?: number;
	/** The id of the item or section on the page, to go and look. */
	anchor?: string;
	/** The id of the section it is in. */
	section?: string;
	before?: string;
	after?: string;
	/** Word by word, when the field was there before and after. */
	words?: DiffLine[];
};

const segment = /^(\w+)(?:\[(\d+)\])?$/;

type Place = Omit<FieldChange, 'before' | 'after' | 'words'>;

function describe(path: string, current: Map<string, string>, signed: Map<string, string>): Place {
	const pick = (key: string) => current.get(key) ?? signed.get(key);
	const where: string[] = [];
	let anchor: string | undefined;
	let section: string | undefined;
	let prefix = '';
	const rest: { name: string; index?: number }[] = [];
	for (const piece of path.split('.')) {
		const [, name, index] = segment.exec(piece) ?? ['', piece, undefined];
		const here = prefix ? `${prefix}.${piece}` : piece;
		if (!rest.length && index !== undefined && CONTAINERS.has(name)) {
			const title = pick(`${here}.heading`) ?? pick(`${here}.title`) ?? pick(`${here}.name`);
			if (title !== undefined) where.push(title);
			if (name === 'sections') section = pick(`${here}.id`);
			anchor = pick(`${here}.anchor`) ?? (name === 'sections' ? section : undefined) ?? anchor;
		} else rest.push({ name, index: index === undefined ? undefined : Number(index) });
		prefix = here;
	}
	const first = rest[0];
	const part = first && (PARTS as readonly string[]).includes(first.name) ? (first.name as Part) : 'other';
	return { where, part, n: part === 'steps' && first.index !== undefined ? first.index + 1 : undefined, anchor, section };
}

const words = (text: string) => text.split(/(\s+)/).filter(Boolean);

/** Every field that differs between the signed text and the served one: changed and added in the page's order, then removed. */
export function fieldChanges(signedText: string, currentText: string): FieldChange[] {
	const signed = versionFields(signedText);
	const current = versionFields(currentText);
	const changes: FieldChange[] = [];
	for (const [path, after] of current) {
		const before = signed.get(path);
		if (before === after) continue;
		changes.push({
			...describe(path, current, signed),
			before,
			after,
			words: before === undefined ? undefined : sequenceDiff(words(before), words(after))
		});
	}
	for (const [path, before] of signed) if (!current.has(path)) changes.push({ ...describe(path, current, signed), before });
	return changes;
}
