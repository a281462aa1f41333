// Turns the raw files under content/ into one checked, cross-referenced library.
// Pure: the caller reads the files (Vite at build, fs in tests) and passes their text.
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
	AGE_GROUPS,
	FACTORS,
	guideSchema,
	listFiles,
	NOTE_ROLES,
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
	type Phrase,
	type Rule,
	type Sequence,
	type Source
} from './schema';
import { err, ok, type Result } from '../result';

export type ContentFile = { path: string; text: string };
export type ContentError = { file: string; field: string; message: string };

export type Library = {
	phrases: Map<string, Phrase>;
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
	ages: Map<string, Answer>;
	rules: Map<string, Rule>;
	notes: Map<string, Note>;
	guides: Guide[];
};

const LIST_DIR = /(?:^|\/)content\/([a-z]+)\/[^/]+\.ya?ml$/;
const PHRASE_FILE = /(?:^|\/)content\/phrases\//;
const PHRASE_TOKEN = /\{\{phrase:([^}]*)\}\}/g;
/** Emergency numbers are written once, in content/phrases: anywhere else they could drift. */
const EMERGENCY_NUMBER = /(?<![\d.,:])(?:999|112|911|103)(?![\d.,:]?\d)/;

type Texts = Map<string, { en: string; ru: string }>;
const isLocalized = (v: unknown): v is { en: string; ru: string } =>
	typeof v === 'object' && v !== null && typeof (v as { en?: unknown }).en === 'string' && typeof (v as { ru?: unknown }).ru === 'string';

/** The phrases' raw texts, their own tokens expanded (a phrase may use another, e.g. the numbers). */
function rawPhrases(files: { path: string; data: unknown }[]): Texts {
	const texts: Texts = new Map();
	for (const { path, data } of files)
		if (PHRASE_FILE.test(path) && Array.isArray(data))
			for (const entry of data) if (typeof entry?.id === 'string' && isLocalized(entry.text)) texts.set(entry.id, entry.text);
	for (let pass = 0; pass < 3; pass++)
		for (const [id, text] of texts)
			texts.set(id, {
				en: text.en.replace(PHRASE_TOKEN, (m, ref: string) => texts.get(ref)?.en ?? m),
				ru: text.ru.replace(PHRASE_TOKEN, (m, ref: string) => texts.get(ref)?.ru ?? m)
			});
	return texts;
}

/** Every `{{phrase:id}}` in a bilingual text becomes the phrase in that language; an unknown id is an error. */
function expandPhrases(value: unknown, phrases: Texts, file: string, errors: ContentError[], path: PropertyKey[] = []): unknown {
	if (isLocalized(value)) {
		const out: Record<string, unknown> = { ...value };
		for (const lang of ['en', 'ru'] as const)
			out[lang] = value[lang].replace(PHRASE_TOKEN, (m, id: string) => {
				const phrase = phrases.get(id);
				if (!phrase) errors.push({ file, field: fieldPath([...path, lang]), message: `unknown phrase "${id}" (see content/phrases)` });
				return phrase?.[lang] ?? m;
			});
		return out;
	}
	if (Array.isArray(value)) return value.map((v, i) => expandPhrases(v, phrases, file, errors, [...path, i]));
	if (typeof value === 'object' && value !== null)
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandPhrases(v, phrases, file, errors, [...path, k])]));
	return value;
}

function numbersOutsidePhrases(value: unknown, file: string, path: PropertyKey[] = []): ContentError[] {
	if (typeof value === 'string')
		return EMERGENCY_NUMBER.test(value)
			? [{ file, field: fieldPath(path), message: 'write emergency numbers as {{phrase:emergency-numbers}} (one place per language)' }]
			: [];
	if (Array.isArray(value)) return value.flatMap((v, i) => numbersOutsidePhrases(v, file, [...path, i]));
	if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => numbersOutsidePhrases(v, file, [...path, k]));
	return [];
}
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
		phrases: new Map(),
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
		ages: new Map(),
		rules: new Map(),
		notes: new Map(),
		guides: []
	};
	const origin = new Map<string, string>(); // "list:id" → file, to name both ends of a clash

	const parsedFiles: { path: string; data: unknown }[] = [];
	for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
		try {
			parsedFiles.push({ path: file.path, data: parseYaml(file.text) });
		} catch (e) {
			errors.push({ file: file.path, field: '(yaml)', message: (e as Error).message.split('\n')[0] });
		}
	}
	const phrases = rawPhrases(parsedFiles);
	for (const { path, data: raw } of parsedFiles) {
		const data = PHRASE_FILE.test(path) ? raw : expandPhrases(raw, phrases, path, errors);
		if (!PHRASE_FILE.test(path)) errors.push(...numbersOutsidePhrases(raw, path));
		const guide = GUIDE_FILE.exec(path);
		if (guide) {
			const parsed = guideSchema.safeParse(data);
			if (!parsed.success) errors.push(...issues(path, parsed.error));
			else if (parsed.data.slug !== guide[1])
				errors.push({ file: path, field: 'slug', message: `must match the file name "${guide[1]}"` });
			else lib.guides.push(parsed.data);
			continue;
		}
		const list = LIST_DIR.exec(path)?.[1];
		if (!list || !(list in listFiles)) {
			errors.push({ file: path, field: '(file)', message: 'not a known content folder' });
			continue;
		}
		const name = list as ListName;
		if (!Array.isArray(data)) {
			errors.push({ file: path, field: '(root)', message: 'expected a list of entries' });
			continue;
		}
		data.forEach((entry, index) => {
			const parsed = listFiles[name].safeParse(entry);
			if (!parsed.success) return errors.push(...issues(path, parsed.error, [index]));
			const key = `${name}:${parsed.data.id}`;
			const seen = origin.get(key);
			if (seen) return errors.push({ file: path, field: `[${index}].id`, message: `"${parsed.data.id}" is already defined in ${seen}` });
			origin.set(key, path);
			(lib[name] as Map<string, unknown>).set(parsed.data.id, parsed.data);
		});
	}

	errors.push(...checkReferences(lib, origin));
	const main = lib.guides.filter((g) => g.main).map((g) => g.slug);
	if (!errors.length && main.length !== 1)
		errors.push({ file: 'content/guides', field: 'main', message: `exactly one guide must have "main: true" (has ${main.join(', ') || 'none'})` });
	if (errors.length) return err(errors);
	lib.guides.sort((a, b) => Number(!!b.main) - Number(!!a.main) || a.slug.localeCompare(b.slug));
	return ok(lib);
}

/** The slug of the guide marked `main: true` (parseLibrary checks there is exactly one); listed first. */
export const mainGuide = (lib: Library): string => lib.guides[0].slug;

/** Every id a file names must exist: a typo is a build error, not a broken link. */
function checkReferences(lib: Library, origin: Map<string, string>): ContentError[] {
	const errors: ContentError[] = [];
	const need = (file: string, field: string, list: ListName, ids: readonly string[] | undefined) =>
		ids?.forEach((id, i) => {
			if (!lib[list].has(id)) errors.push({ file, field: `${field}[${i}]`, message: `unknown ${list} id "${id}"` });
		});
	const fileOf = (list: ListName, id: string) => origin.get(`${list}:${id}`) ?? `content/${list}`;

	for (const list of ['phrases', 'causes', 'exercises', 'measures', 'care'] as const) {
		for (const [id, entry] of lib[list]) {
			need(fileOf(list, id), `${id}.sources`, 'sources', entry.sources);
			if (list === 'measures') need(fileOf(list, id), `${id}.causes`, 'causes', (entry as Measure).causes);
		}
	}
	for (const list of ['exercises', 'measures'] as const)
		for (const [id, entry] of lib[list])
			(entry as Exercise | Measure).avoidWith.forEach((a, i) => {
				need(fileOf(list, id), `${id}.avoidWith[${i}].sources`, 'sources', a.sources);
				if (a.instead) {
					need(fileOf(list, id), `${id}.avoidWith[${i}].instead`, list, [a.instead]);
					const other = lib[list].get(a.instead) as Exercise | Measure | undefined;
					if (other?.avoidWith.some((o) => o.for.some((f) => a.for.includes(f))))
						errors.push({ file: fileOf(list, id), field: `${id}.avoidWith[${i}].instead`, message: `"${a.instead}" is itself not for ${a.for.join(', ')}` });
				}
			});
	// A fallback stands in while a card forbids what the exercise is, so it must not be the same kind.
	for (const [id, exercise] of lib.exercises)
		if (exercise.fallback) {
			need(fileOf('exercises', id), `${id}.fallback`, 'exercises', [exercise.fallback]);
			const other = lib.exercises.get(exercise.fallback);
			if (other && other.kinds.some((k) => exercise.kinds.includes(k)))
				errors.push({ file: fileOf('exercises', id), field: `${id}.fallback`, message: `"${exercise.fallback}" is of the same kind as "${id}"` });
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

type Need = (file: string, field: string, list: ListName, ids: readonly string[] | undefined) => void;

/** The self-check's rules: every answer described, every id real, no harmful first aid. */
function checkAssessment(lib: Library, need: Need, fileOf: (list: ListName, id: string) => string): ContentError[] {
	const errors: ContentError[] = [];
	const vocabulary = { situations: SITUATIONS, factors: FACTORS, signs: SIGNS, ages: AGE_GROUPS } as const;
	for (const [list, ids] of Object.entries(vocabulary) as [keyof typeof vocabulary, readonly string[]][])
		for (const id of ids)
			if (!lib[list].has(id)) errors.push({ file: `content/${list}`, field: '(file)', message: `no entry for the ${list} id "${id}"` });
	// one note per role, except the reasons for withholding first aid (one per kind of danger)
	for (const role of NOTE_ROLES) {
		const count = [...lib.notes.values()].filter((n) => n.role === role).length;
		if (count === 0 || (count > 1 && role !== 'first-aid-withheld'))
			errors.push({ file: 'content/notes', field: '(file)', message: `needs exactly one note with the role "${role}" (has ${count})` });
	}
	const medicine = (id: string) => lib.measures.get(id)?.medicine === true;
	for (const list of ['situations', 'factors', 'signs', 'ages'] as const) {
		for (const [id, answer] of lib[list]) {
			const file = fileOf(list, id);
			need(file, `${id}.sources`, 'sources', answer.sources);
			need(file, `${id}.measures`, 'measures', answer.measures);
			answer.measures.forEach((m, i) => {
				if (medicine(m)) errors.push({ file, field: `${id}.measures[${i}]`, message: `"${m}" is a medicine and can never be a plan item` });
			});
			need(file, `${id}.causes`, 'causes', answer.causes.map((c) => c.cause));
			need(file, `${id}.firstAid`, 'exercises', answer.firstAid);
			answer.firstAid.forEach((ex, i) => {
				if (lib.exercises.get(ex)?.status === 'not-recommended')
					errors.push({ file, field: `${id}.firstAid[${i}]`, message: `"${ex}" is not recommended and must never be suggested` });
			});
		}
	}
	for (const [id, rule] of lib.rules) {
		const file = fileOf('rules', id);
		need(file, `${id}.sources`, 'sources', rule.sources);
		need(file, `${id}.care`, 'care', [rule.care]);
		need(file, `${id}.ifWorseFirst`, 'rules', rule.ifWorseFirst);
		if (rule.withholdFirstAid) {
			need(file, `${id}.withholdFirstAid`, 'notes', [rule.withholdFirstAid]);
			const note = lib.notes.get(rule.withholdFirstAid);
			if (note && note.role !== 'first-aid-withheld')
				errors.push({ file, field: `${id}.withholdFirstAid`, message: `note "${note.id}" does not have the role first-aid-withheld` });
		}
	}
	for (const [id, note] of lib.notes) {
		need(fileOf('notes', id), `${id}.sources`, 'sources', note.sources);
		need(fileOf('notes', id), `${id}.measures`, 'measures', note.measures);
		note.measures.forEach((m, i) => {
			if (medicine(m)) errors.push({ file: fileOf('notes', id), field: `${id}.measures[${i}]`, message: `"${m}" is a medicine and can never be a plan item` });
			// a note adds a measure with no answer behind it, so the measure must suit anyone
			else if (lib.measures.has(m) && !lib.measures.get(m)!.forEveryone)
				errors.push({ file: fileOf('notes', id), field: `${id}.measures[${i}]`, message: `"${m}" is not marked forEveryone, so a note can't add it to every plan` });
		});
		if (note.care) need(fileOf('notes', id), `${id}.care`, 'care', [note.care]);
	}
	return errors;
}
