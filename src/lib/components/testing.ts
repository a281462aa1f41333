// The components with states, each state an example (as GOV.UK Frontend keeps examples beside
// its components): the specs beside each component render these with svelte/server, and
// accessibility.spec.ts runs axe over every one. Props come from the real content library,
// the way the pages build them, so an example cannot drift from what readers see.
import type { Component, ComponentProps } from 'svelte';
import { render } from 'svelte/server';
import type { Lang } from '$lib/core/content/schema';
import type { AssessmentInput } from '$lib/core/assessment/input';
import type { Episode } from '$lib/core/diary/episode';
import { COMMENT_MAX } from '$lib/core/feedback';
import { t } from '$lib/i18n';
import { episode } from '$lib/core/diary/testing';
import { newPlan, toggle } from '$lib/core/plan';
import { allMeasures, assessmentPage, resultViews } from '$lib/server/assessment';
import { diaryPage } from '$lib/server/diary';
import { provideAllMessages } from '$lib/server/messages';
import AssessmentResult from './AssessmentResult.svelte';
import CareCard from './CareCard.svelte';
import EpisodeForm from './diary/EpisodeForm.svelte';
import PatternCharts from './diary/PatternCharts.svelte';
import FeedbackWidget from './FeedbackWidget.svelte';
import PlanView from './PlanView.svelte';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of examples of different components
export type Example = { name: string; lang: Lang; component: Component<any>; props: Record<string, unknown> };

/** The example's HTML as the server sends it, without Svelte's hydration markers (comments) and scoping classes. */
export const html = ({ component, props }: Example): string =>
	render(component, { props })
		.body.replace(/<!--[^]*?-->/g, '')
		.replace(/ class="svelte-[a-z0-9]+"/g, '')
		.replace(/ svelte-[a-z0-9]+(?=")/g, '');

/** Text as Svelte writes it into HTML, for comparing rendered text. */
export const escaped = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Whether some element in `html` has the class `name` (Svelte adds its own scoping class beside ours). */
export const hasClass = (html: string, name: string): boolean => new RegExp(`class="(?:[^"]* )?${name}[ "]`).test(html);

/** One example, its props checked against the component's own. */
const example = <P extends Record<string, unknown>>(component: Component<P>, name: string, lang: Lang, props: P): Example => ({
	name,
	lang,
	component: component as Example['component'],
	props
});

// What the server does at start, so that t() and the components can speak both languages.
provideAllMessages();

const card = (lang: Lang, id: string) => resultViews(lang).cards[id];

export const careCardExamples = [
	example(CareCard, 'self-care', 'en', { care: card('en', 'self-care-usual'), lang: 'en' }),
	example(CareCard, 'see-doctor', 'en', { care: card('en', 'see-doctor-gp'), lang: 'en' }),
	example(CareCard, 'urgent, with when to call', 'en', { care: card('en', 'urgent-dvt'), lang: 'en' }),
	example(CareCard, 'emergency', 'en', { care: card('en', 'emergency-chest'), lang: 'en' }),
	example(CareCard, 'brief (on a result)', 'en', { care: card('en', 'urgent-tear'), lang: 'en', brief: true }),
	example(CareCard, 'compact (in a guide)', 'en', { care: card('en', 'urgent-dvt'), lang: 'en', compact: true }),
	example(CareCard, 'emergency, Russian', 'ru', { care: card('ru', 'emergency-limb'), lang: 'ru' }),
	example(CareCard, 'compact, Russian', 'ru', { care: card('ru', 'see-doctor-medicine'), lang: 'ru', compact: true })
];

const checkInput = (lang: Lang, over: Partial<AssessmentInput> = {}): AssessmentInput => ({
	lang,
	episode: { durationMinutes: 2, perWeek: 1, situation: 'night' },
	factors: [],
	signs: [],
	ageGroup: 'adult',
	...over
});
const answers = { signs: [], factors: [], none: [], unsure: [] };
const result = (name: string, lang: Lang, over: Partial<AssessmentInput>, unsureGroups: string[] = []) =>
	example(AssessmentResult, name, lang, {
		result: assessmentPage(checkInput(lang, over)),
		guide: 'calf-cramps',
		lang,
		answers,
		unsureGroups
	});

export const assessmentResultExamples = [
	result('self-care', 'en', {}),
	result('see-doctor before prevention', 'en', { factors: ['varicose-veins'] }),
	result('see-doctor, guided first aid in water', 'en', { episode: { durationMinutes: 2, perWeek: 5, situation: 'swimming' } }),
	result('urgent, first aid withheld', 'en', { signs: ['swelling'] }),
	result('emergency', 'en', { signs: ['chest-pain'] }),
	result('two emergencies', 'en', { signs: ['chest-pain', 'cold-pale-leg'] }),
	result('signs answered "not sure"', 'en', { signs: ['swelling'] }, [t('en', 'check.signs.group.leg').toLocaleLowerCase('en')]),
	result('urgent, Russian', 'ru', { signs: ['pop-or-snap'] }),
	result('emergency, Russian', 'ru', { signs: ['stroke-signs'] })
];

const feedback = (name: string, lang: Lang, props: Omit<ComponentProps<typeof FeedbackWidget>, 'slug' | 'lang'>) =>
	example(FeedbackWidget, name, lang, { slug: 'calf-cramps', lang, ...props });

export const feedbackWidgetExamples = [
	feedback('ask', 'en', {}),
	feedback('ask, the answer not saved', 'en', { error: 'feedback.error.failed' }),
	feedback('comment', 'en', { step: 'comment' }),
	feedback('comment, too long', 'en', { step: 'comment', comment: 'x'.repeat(COMMENT_MAX + 1), error: 'feedback.error.comment' }),
	feedback('comment, control characters', 'en', { step: 'comment', comment: 'a\u0007b', error: 'feedback.error.characters' }),
	feedback('comment, not saved', 'en', { step: 'comment', comment: 'The stretch hurt.', error: 'feedback.error.rate' }),
	feedback('thanks', 'en', { step: 'thanks' }),
	feedback('comment, Russian', 'ru', { step: 'comment', comment: 'Строка\nи ещё одна' }),
	feedback('thanks, Russian', 'ru', { step: 'thanks' })
];

const saved = async () => {};
const diary = (lang: Lang) => diaryPage(lang).choices;
const logged: Episode = episode({
	day: '2026-03-02',
	time: '23:40',
	signs: ['numbness'],
	factors: ['alcohol'],
	note: 'After a long walk',
	intensity: 7
});

export const episodeFormExamples = [
	example(EpisodeForm, 'new entry', 'en', { lang: 'en', choices: diary('en'), episode: episode(), heading: 'Log a cramp', onsave: saved }),
	example(EpisodeForm, 'editing, with signs, factors and a note', 'en', {
		lang: 'en',
		choices: diary('en'),
		episode: logged,
		heading: 'Change this entry',
		editing: true,
		onsave: saved,
		oncancel: () => {}
	}),
	example(EpisodeForm, 'editing, Russian', 'ru', {
		lang: 'ru',
		choices: diary('ru'),
		episode: { ...logged, note: 'После долгой прогулки' },
		heading: 'Изменить запись',
		editing: true,
		onsave: saved,
		oncancel: () => {}
	})
];

const TODAY = '2026-03-20';
/** Episodes over the charts' twelve weeks: nights and days, with and without factors. */
const spread = (n: number) =>
	Array.from({ length: n }, (_, i) =>
		episode({
			day: `2026-0${i % 2 ? 2 : 3}-${String(1 + ((i * 3) % 19)).padStart(2, '0')}`,
			time: i % 3 ? '02:30' : '15:10',
			durationMinutes: 1 + (i % 6),
			intensity: i % 11,
			factors: i % 4 ? [] : ['intense-exercise']
		})
	);

export const patternChartsExamples = [
	example(PatternCharts, 'no entries', 'en', { lang: 'en', choices: diary('en'), episodes: [], today: TODAY }),
	example(PatternCharts, 'one entry', 'en', { lang: 'en', choices: diary('en'), episodes: spread(1), today: TODAY }),
	example(PatternCharts, 'twelve weeks of entries', 'en', { lang: 'en', choices: diary('en'), episodes: spread(14), today: TODAY }),
	example(PatternCharts, 'entries, Russian', 'ru', { lang: 'ru', choices: diary('ru'), episodes: spread(14), today: TODAY })
];

const PLAN_DAY = '2026-03-20';
const planOf = (lang: Lang, over: { doctorFirst?: boolean; advice?: Parameters<typeof newPlan>[5]; answers?: boolean }) =>
	newPlan(
		['regular-stretching', 'bedding-and-sleep-position'],
		lang,
		PLAN_DAY,
		over.doctorFirst ?? false,
		over.answers === false ? undefined : { situation: 'night', durationMinutes: '5', perWeek: '1', factors: [], signs: [] },
		over.advice
	);
const planView = (name: string, lang: Lang, plan: ReturnType<typeof newPlan>) =>
	example(PlanView, name, lang, { plan, today: PLAN_DAY, measures: allMeasures(lang), lang, ontick: () => {}, onremove: () => {} });

export const planViewExamples = [
	planView('self-care, nothing ticked', 'en', planOf('en', {})),
	planView('one ticked', 'en', toggle(planOf('en', {}), PLAN_DAY, 'regular-stretching')),
	planView('with the result\'s "see your GP"', 'en', planOf('en', { advice: { level: 'see-doctor', title: 'See your GP' } })),
	planView('a doctor first, no answers kept', 'en', planOf('en', { doctorFirst: true, answers: false })),
	planView(
		'watch closely, Russian',
		'ru',
		planOf('ru', { advice: { level: 'self-care', watch: true, title: 'Следите за признаками тромба' } })
	)
];

export const allExamples: Example[] = [
	...careCardExamples,
	...assessmentResultExamples,
	...feedbackWidgetExamples,
	...episodeFormExamples,
	...patternChartsExamples,
	...planViewExamples
];
