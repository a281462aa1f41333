// One guide in one language, with every referenced item resolved: what pages and the
// API show. `render` turns Markdown fields into the caller's format (HTML for pages,
// identity for the JSON API), so the core stays free of any renderer.
import { get } from './id';
import type { Library } from './library';
import type { Care, Cause, Exercise, Guide, Lang, Localized, Measure, Source } from './schema';

type Render = (markdown: string) => string;

export type PersonView = { id: string; name: string; role: string };
export type CareView = Omit<Care, 'title' | 'when' | 'action' | 'now' | 'sign' | 'sources' | 'call' | 'forbids' | 'forbidsReason'> & {
	title: string;
	when: string;
	action: string;
	/** One sentence: what to do right now (a result shows it first). */
	now: string;
	/** One sentence with the emergency numbers: when to call (an emergency card's `now`); none below urgent. */
	call?: string;
	anchor: string;
};
export type CauseView = { id: string; anchor: string; title: string; body: string; origin: Cause['origin']; sources: string[] };
export type DoseView = {
	text: string;
	seconds?: { min: number; max: number };
	counts?: { label: string; times: number }[];
	repeat?: { min: number; max: number };
};
export type ExerciseView = {
	id: string;
	anchor: string;
	title: string;
	status: Exercise['status'];
	position?: Exercise['position'];
	steps: string[];
	dose?: DoseView;
	reason?: string;
	sources: string[];
};
export type MeasureView = {
	id: string;
	anchor: string;
	title: string;
	body: string;
	evidence: { level: Measure['evidence']['level']; note: string };
	causes: string[];
	/** General advice that suits anyone (the plan says so). */
	forEveryone: boolean;
	sources: string[];
};
export type SectionView = {
	id: string;
	heading: string;
	body?: string;
	care: CareView[];
	causes: CauseView[];
	exercises: ExerciseView[];
	measures: MeasureView[];
};
export type GuideView = {
	slug: string;
	lang: Lang;
	title: string;
	summary: string;
	tags: string[];
	preparedBy: PersonView[];
	updatedOn: string;
	sections: SectionView[];
	sources: Source[];
};

export const anchorOf = {
	care: (id: string) => `care-${id}`,
	cause: (id: string) => `cause-${id}`,
	exercise: (id: string) => `exercise-${id}`,
	measure: (id: string) => `measure-${id}`
};

const pick = (text: Localized, lang: Lang) => text[lang];
export function careView(c: Care, lang: Lang, render: Render): CareView {
	return {
		id: c.id,
		anchor: anchorOf.care(c.id),
		level: c.level,
		specialist: c.specialist,
		title: pick(c.title, lang),
		when: render(pick(c.when, lang)),
		action: render(pick(c.action, lang)),
		now: render(pick(c.now, lang)),
		call: c.call ? render(pick(c.call, lang)) : c.level === 'emergency' ? render(pick(c.now, lang)) : undefined,
		doctorFirst: c.doctorFirst,
		watch: c.watch
	};
}

export function causeView(c: Cause, lang: Lang, render: Render): CauseView {
	return { id: c.id, anchor: anchorOf.cause(c.id), title: pick(c.title, lang), body: render(pick(c.body, lang)), origin: c.origin, sources: c.sources };
}

export function exerciseView(e: Exercise, lang: Lang, render: Render): ExerciseView {
	return {
		id: e.id,
		anchor: anchorOf.exercise(e.id),
		title: pick(e.title, lang),
		status: e.status,
		position: e.position,
		steps: (e.steps ?? []).map((s) => pick(s, lang)),
		dose: e.dose && {
			text: pick(e.dose.text, lang),
			seconds: e.dose.seconds,
			counts: e.dose.counts?.map((c) => ({ label: pick(c.label, lang), times: c.times })),
			repeat: e.dose.repeat
		},
		reason: e.reason && render(pick(e.reason, lang)),
		sources: e.sources
	};
}

export function measureView(m: Measure, lang: Lang, render: Render): MeasureView {
	return {
		id: m.id,
		anchor: anchorOf.measure(m.id),
		title: pick(m.title, lang),
		body: render(pick(m.body, lang)),
		evidence: { level: m.evidence.level, note: render(pick(m.evidence.note, lang)) },
		causes: m.causes,
		forEveryone: m.forEveryone,
		sources: m.sources
	};
}

const person = (lib: Library, lang: Lang) => (id: string): PersonView => {
	const p = get(lib.experts, id);
	return { id, name: pick(p.name, lang), role: pick(p.role, lang) };
};

export function guideView(lib: Library, guide: Guide, lang: Lang, render: Render): GuideView {
	return {
		slug: guide.slug,
		lang,
		title: pick(guide.title, lang),
		summary: pick(guide.summary, lang),
		tags: guide.tags,
		preparedBy: guide.preparedBy.map(person(lib, lang)),
		updatedOn: guide.updatedOn,
		sections: guide.sections.map((s) => ({
			id: s.id,
			heading: pick(s.heading, lang),
			body: s.body && render(pick(s.body, lang)),
			care: (s.care ?? []).map((id) => careView(get(lib.care, id), lang, render)),
			causes: (s.causes ?? []).map((id) => causeView(get(lib.causes, id), lang, render)),
			exercises: (s.exercises ?? []).map((id) => exerciseView(get(lib.exercises, id), lang, render)),
			measures: (s.measures ?? []).map((id) => measureView(get(lib.measures, id), lang, render))
		})),
		sources: guide.sources.map((id) => get(lib.sources, id))
	};
}

export type GuideSummary = { slug: string; title: string; summary: string; tags: string[] };

export const guideSummary = (guide: Guide, lang: Lang): GuideSummary => ({
	slug: guide.slug,
	title: pick(guide.title, lang),
	summary: pick(guide.summary, lang),
	tags: guide.tags
});
