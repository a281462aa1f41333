// Turns the raw files under content/ into one checked, cross-referenced library.
// Pure: the caller reads the files (Vite at build, fs in tests) and passes their text.
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
	FACTORS,
	guideSchema,
	listFiles,
	NOTES,
	SIGNS,
	SITUATIONS,
	type Answer,
	type Care,
	type Cause,
	type Exercise,
	type Expert,
	type Guide,
	type ListName,
	type Measure,
	type Note,
	type Rule,
	type Sequence,
	type Source
} from './schema';
import { err, ok, type Result } from '../result';

export type ContentFile = { path: string; text: string };
export type ContentError = { file: string; field: string; message: string };

export type Library = {
	sources: Map<string, Source>;
	experts: Map<string, Expert>;
	causes: Map<string, Cause>;
	exercises: Map<string, Exercise>;
	measures: Map<string, Measure>;
	care: Map<string, Care>;
	sequences: Map<string, Sequence>;
	situations: Map<string, Answer>;
	factors: Map<string, Answer>;
	signs: Map<string, Answer>;
	rules: Map<string, Rule>;
	notes: Map<string, Note>;
	guides: Guide[];
};

const LIST_DIR = /(?:^|\/)content\/([a-z]+)\/[^/]+\.ya?ml$/;
const GUIDE_FILE = /(?:^|\/)content\/guides\/([^/]+)\.ya?ml$/;

const fieldPath = (path: PropertyKey[]) =>
	path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

function issues(file: string, error: z.ZodError, prefix: PropertyKey[] = []): ContentError[] {
	return error.issues.map((i) => ({
		file,
		field: fieldPath([...prefix, ...i.path]) || '(root)',
		message: i.message
	}));
}

export function formatContentErrors(errors: ContentError[]): string {
	return errors.map((e) => `${e.file}: ${e.field}: ${e.message}`).join('\n');
}

export function parseLibrary(files: ContentFile[]): Result<Library, ContentError[]> {
	const errors: ContentError[] = [];
	const lib: Library = {
		sources: new Map(),
		experts: new Map(),
		causes: new Map(),
		exercises: new Map(),
		measures: new Map(),
		care: new Map(),
		sequences: new Map(),
		situations: new Map(),
		factors: new Map(),
		signs: new Map(),
		rules: new Map(),
		notes: new Map(),
		guides: []
	};
	const origin = new Map<string, string>(); // "list:id" → file, to name both ends of a clash

	for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
		let data: unknown;
		try {
			data = parseYaml(file.text);
		} catch (e) {
			errors.push({ file: file.path, field: '(yaml)', message: (e as Error).message.split('\n')[0] });
			continue;
		}
		const guide = GUIDE_FILE.exec(file.path);
		if (guide) {
			const parsed = guideSchema.safeParse(data);
			if (!parsed.success) errors.push(...issues(file.path, parsed.error));
			else if (parsed.data.slug !== guide[1])
				errors.push({ file: file.path, field: 'slug', message: `must match the file name "${guide[1]}"` });
			else lib.guides.push(parsed.data);
			continue;
		}
		const list = LIST_DIR.exec(file.path)?.[1];
		if (!list || !(list in listFiles)) {
			errors.push({ file: file.path, field: '(file)', message: 'not a known content folder' });
			continue;
		}
		const name = list as ListName;
		if (!Array.isArray(data)) {
			errors.push({ file: file.path, field: '(root)', message: 'expected a list of entries' });
			continue;
		}
		data.forEach((entry, index) => {
			const parsed = listFiles[name].safeParse(entry);
			if (!parsed.success) return errors.push(...issues(file.path, parsed.error, [index]));
			const key = `${name}:${parsed.data.id}`;
			const seen = origin.get(key);
			if (seen) return errors.push({ file: file.path, field: `[${index}].id`, message: `"${parsed.data.id}" is already defined in ${seen}` });
			origin.set(key, file.path);
			(lib[name] as Map<string, unknown>).set(parsed.data.id, parsed.data);
		});
	}

	errors.push(...checkReferences(lib, origin));
	if (errors.length) return err(errors);
	lib.guides.sort((a, b) => (a.slug === 'calf-cramps' ? -1 : b.slug === 'calf-cramps' ? 1 : a.slug.localeCompare(b.slug)));
	return ok(lib);
}

/** Every id a file names must exist: a typo is a build error, not a broken link. */
function checkReferences(lib: Library, origin: Map<string, string>): ContentError[] {
	const errors: ContentError[] = [];
	const need = (file: string, field: string, list: ListName, ids: string[] | undefined) =>
		ids?.forEach((id, i) => {
			if (!lib[list].has(id)) errors.push({ file, field: `${field}[${i}]`, message: `unknown ${list} id "${id}"` });
		});
	const fileOf = (list: ListName, id: string) => origin.get(`${list}:${id}`) ?? `content/${list}`;

	for (const list of ['causes', 'exercises', 'measures', 'care'] as const) {
		for (const [id, entry] of lib[list]) {
			need(fileOf(list, id), `${id}.sources`, 'sources', entry.sources);
			if (list === 'measures') need(fileOf(list, id), `${id}.causes`, 'causes', (entry as Measure).causes);
		}
	}
	for (const [id, sequence] of lib.sequences) {
		const file = fileOf('sequences', id);
		need(file, `${id}.exercises`, 'exercises', sequence.exercises);
		need(file, `${id}.afterCare`, 'care', sequence.afterCare);
		if (lib.rules.get(sequence.timeLimit)?.when.durationMinutesAbove === undefined)
			errors.push({ file, field: `${id}.timeLimit`, message: `"${sequence.timeLimit}" is not a rule with a duration` });
		// A timer can only run what we recommend on land, with a dose it can count.
		sequence.exercises.forEach((exerciseId, i) => {
			const e = lib.exercises.get(exerciseId);
			if (e && (e.status !== 'recommended' || !e.dose || e.position === 'water'))
				errors.push({ file, field: `${id}.exercises[${i}]`, message: `"${exerciseId}" cannot be guided by a timer (not recommended, no dose, or in water)` });
		});
	}
	errors.push(...checkAssessment(lib, need, fileOf));
	for (const guide of lib.guides) {
		const file = `content/guides/${guide.slug}.yaml`;
		need(file, 'preparedBy', 'experts', guide.preparedBy);
		need(file, 'reviewedBy', 'experts', guide.reviewedBy);
		need(file, 'sources', 'sources', guide.sources);
		const sectionIds = new Set<string>();
		guide.sections.forEach((s, i) => {
			if (sectionIds.has(s.id)) errors.push({ file, field: `sections[${i}].id`, message: `duplicate section id "${s.id}"` });
			sectionIds.add(s.id);
			for (const list of ['care', 'causes', 'exercises', 'measures'] as const) need(file, `sections[${i}].${list}`, list, s[list]);
		});
	}
	return errors;
}

type Need = (file: string, field: string, list: ListName, ids: string[] | undefined) => void;

/** The self-check's rules: every answer described, every id real, no harmful first aid. */
function checkAssessment(lib: Library, need: Need, fileOf: (list: ListName, id: string) => string): ContentError[] {
	const errors: ContentError[] = [];
	const vocabulary = { situations: SITUATIONS, factors: FACTORS, signs: SIGNS, notes: NOTES } as const;
	for (const [list, ids] of Object.entries(vocabulary) as [keyof typeof vocabulary, readonly string[]][])
		for (const id of ids)
			if (!lib[list].has(id)) errors.push({ file: `content/${list}`, field: '(file)', message: `no entry for the ${list} id "${id}"` });
	for (const list of ['situations', 'factors', 'signs'] as const) {
		for (const [id, answer] of lib[list]) {
			const file = fileOf(list, id);
			need(file, `${id}.sources`, 'sources', answer.sources);
			need(file, `${id}.measures`, 'measures', answer.measures);
			need(file, `${id}.causes`, 'causes', answer.causes.map((c) => c.cause));
			need(file, `${id}.firstAid`, 'exercises', answer.firstAid);
			answer.firstAid.forEach((ex, i) => {
				if (lib.exercises.get(ex)?.status === 'not-recommended')
					errors.push({ file, field: `${id}.firstAid[${i}]`, message: `"${ex}" is not recommended and must never be suggested` });
			});
		}
	}
	for (const [id, rule] of lib.rules) {
		need(fileOf('rules', id), `${id}.sources`, 'sources', rule.sources);
		need(fileOf('rules', id), `${id}.care`, 'care', [rule.care]);
	}
	for (const [id, note] of lib.notes) {
		need(fileOf('notes', id), `${id}.sources`, 'sources', note.sources);
		need(fileOf('notes', id), `${id}.measures`, 'measures', note.measures);
		if (note.care) need(fileOf('notes', id), `${id}.care`, 'care', [note.care]);
	}
	return errors;
}
