import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { checkAnswer, checkForm, resultBundle } from '../../server/assessment';
import { parseLibrary } from '../content/library';
import { readContentFiles } from '../../server/content-files';
import { URGENCY_LEVELS } from '../content/schema';
import { answerOf } from './answer';
import { assess } from './engine';
import { NOT_SURE } from './form';
import {
	answersFrom,
	answerQuestion,
	checkInput,
	firstUnanswered,
	idsOf,
	NONE,
	oneChoices,
	optionsOf,
	previousOf,
	QUESTIONS,
	questionById,
	questionsFor,
	searchOf,
	shownOptionsOf,
	stepFrom,
	type CheckAnswers,
	type Question
} from './questions';

const choices = checkForm('en');
const parsed = parseLibrary(readContentFiles(process.cwd()));
if (!parsed.ok) throw new Error('content is invalid; see library.spec.ts');
const lib = parsed.value;
const empty: CheckAnswers = { signs: [], factors: [], none: [], unsure: [] };

/** One valid answer to a question, as a page would post it. */
const postFor = (q: Question): fc.Arbitrary<string[]> =>
	q.kind === 'one'
		? fc.constantFrom(...oneChoices(q.field, choices)).map((v) => [v])
		: fc.oneof(
				fc.constant<string[]>([NONE]),
				...(q.unsure ? [fc.constant<string[]>([NOT_SURE])] : []),
				fc.subarray(
					optionsOf(q, choices).map((o) => o.id),
					{ minLength: 1 }
				)
			);

/** Walks the pages from the first question, posting `pick`'s answer on each; returns the last address. */
function walk(pick: (q: Question, before: CheckAnswers) => string[]): { href: string; visited: string[] } {
	let query = new URLSearchParams();
	let q: Question | undefined = QUESTIONS[0];
	const visited: string[] = [];
	while (q) {
		visited.push(q.id);
		const step = stepFrom(q, query, pick(q, answersFrom(query)), choices, 'en');
		if (!step.ok) throw new Error(`${q.id}: ${step.error}`);
		const url = new URL(step.href, 'http://x');
		query = url.searchParams;
		q = questionById(url.pathname.split('/').at(-1)!);
		if (visited.length > QUESTIONS.length) throw new Error('the pages go round in a circle');
	}
	return { href: `?${query}`, visited };
}

describe('the self-check as question pages', () => {
	test.prop([fc.tuple(...QUESTIONS.map(postFor))])(
		'any valid answers on every page reach the check page with every question answered',
		(posts) => {
			const { href, visited } = walk((q) => posts[QUESTIONS.indexOf(q)]);
			const answers = answersFrom(new URLSearchParams(href));
			expect(visited).toEqual(questionsFor(answers).map((q) => q.id));
			expect(firstUnanswered(answers, choices)).toBeUndefined();
			expect(checkInput(answers, choices, 'en').success).toBe(true);
		}
	);

	// The server answers whenever the answers reach it; offline the page runs the same function on the
	// kept copy's engine data (a structured clone, as the page receives it): never a different answer.
	test.prop([fc.tuple(...QUESTIONS.map(postFor)), fc.nat(QUESTIONS.length)])(
		'the result page answers the same on the server and offline in the page, for every answer set and every unfinished one',
		(posts, answered) => {
			const answers = answersFrom(new URLSearchParams(walk((q) => posts[QUESTIONS.indexOf(q)]).href));
			// only the first `answered` questions' answers, as an address cut short would carry
			const cut: CheckAnswers = { signs: [], factors: [], none: [], unsure: [] };
			for (const q of questionsFor(answers).slice(0, answered)) {
				if (q.kind === 'one') cut[q.field] = answers[q.field];
				else {
					cut[q.field].push(...idsOf(q, answers, choices));
					cut.none.push(...answers.none.filter((g) => g === q.group));
					cut.unsure.push(...answers.unsure.filter((g) => g === q.group));
				}
			}
			const bundle = structuredClone(resultBundle('en'));
			const server = checkAnswer(cut, 'en');
			expect(answerOf(cut, choices, 'en', bundle.library, bundle.views)).toEqual(server);
			const open = firstUnanswered(cut, choices);
			expect(server.kind).toBe(open ? 'missing' : 'answer');
			expect(server.kind === 'missing' ? server.question : undefined).toBe(open?.id);
		}
	);

	test.prop([fc.constantFrom(...QUESTIONS.filter((q) => q.kind === 'some'))])(
		'[H-45.2] a list question posted empty is an error, never "none"',
		(q) => {
			expect(answerQuestion(q, empty, [], choices)).toEqual({ ok: false, error: 'choose' });
		}
	);

	test.prop([fc.constantFrom(...QUESTIONS.filter((q) => q.kind === 'some')), fc.nat()])(
		'"None of these" or "Not sure" with a sign or with each other is refused',
		(q, i) => {
			const options = optionsOf(q, choices);
			const sign = options[i % options.length].id;
			expect(answerQuestion(q, empty, [sign, NONE], choices).ok).toBe(false);
			if (q.unsure) {
				expect(answerQuestion(q, empty, [sign, NOT_SURE], choices).ok).toBe(false);
				expect(answerQuestion(q, empty, [NONE, NOT_SURE], choices).ok).toBe(false);
			}
		}
	);

	test.prop([
		fc.record({
			situation: fc.option(fc.string(), { nil: undefined }),
			durationMinutes: fc.option(fc.string(), { nil: undefined }),
			perWeek: fc.option(fc.string(), { nil: undefined }),
			ageGroup: fc.option(fc.string(), { nil: undefined }),
			signs: fc.uniqueArray(fc.string()),
			factors: fc.uniqueArray(fc.string()),
			none: fc.uniqueArray(fc.string()),
			unsure: fc.uniqueArray(fc.string())
		})
	])('the answers survive the trip through the address exactly', (a) => {
		const clean = {
			...a,
			...Object.fromEntries((['situation', 'durationMinutes', 'perWeek', 'ageGroup'] as const).map((k) => [k, a[k] || undefined]))
		};
		const back = answersFrom(new URLSearchParams(searchOf(clean)));
		expect(back).toEqual(Object.fromEntries(Object.entries(clean).filter(([, v]) => v !== undefined)));
	});

	it('the back link of each question leads to the one before it, and the first has none', () => {
		const list = questionsFor(empty);
		expect(previousOf(list[0], empty)).toBeUndefined();
		for (let i = 1; i < list.length; i++) expect(previousOf({ ...list[i] }, empty)?.id).toBe(list[i - 1].id);
	});

	test.prop([fc.constantFrom(...QUESTIONS.filter((q) => q.kind === 'some' && q.unsure)), fc.func(fc.nat())])(
		'[H-45.3] "Not sure" about a sign group is never less urgent than "None of these" for the same other answers',
		(q, f) => {
			const other = (x: Question) =>
				x.kind === 'some' ? [NONE] : [oneChoices(x.field, choices)[f(x.id.length) % oneChoices(x.field, choices).length]];
			const rank = (pick: (x: Question, before: CheckAnswers) => string[]) => {
				const answers = answersFrom(new URLSearchParams(walk(pick).href));
				const input = checkInput(answers, choices, 'en');
				if (!input.success) throw new Error('invalid input');
				return URGENCY_LEVELS.indexOf(assess(lib, input.data).urgency);
			};
			const none = rank(other);
			const unsure = rank((x) => (x.id === q.id ? [NOT_SURE] : other(x)));
			expect(unsure).toBeGreaterThanOrEqual(none);
			// and it is the urgency of every sign the group's page showed ticked
			const all = rank((x, before) =>
				x.id === q.id && x.kind === 'some' ? shownOptionsOf(x, before, choices).map((o) => o.id) : other(x)
			);
			expect(unsure).toBe(all);
		}
	);

	const conditional = choices.signs.flatMap((g) => g.choices.filter((c) => c.askWhen).map((c) => ({ ...c, group: g.group })));
	const pageOf = (group: string) =>
		QUESTIONS.find((q) => q.kind === 'some' && q.field === 'signs' && q.group === group) as Question & { kind: 'some' };

	it('content has signs asked only where they apply (heat with sport or walking, the cast sign after an injury)', () => {
		expect(conditional.length).toBeGreaterThan(0);
		expect(QUESTIONS.findIndex((q) => q.id === 'factors')).toBeLessThan(QUESTIONS.findIndex((q) => q.field === 'signs'));
	});

	test.prop([
		fc.constantFrom(...conditional),
		fc.constantFrom(...choices.situations.map((s) => s.id)),
		fc.subarray(choices.factors.map((f) => f.id))
	])(
		'[H-45.6] a sign with askWhen is on its page exactly when its situation or one of its factors was answered',
		(sign, situation, factors) => {
			const answers: CheckAnswers = { ...empty, situation, factors };
			const shown = shownOptionsOf(pageOf(sign.group), answers, choices).some((c) => c.id === sign.id);
			expect(shown).toBe(sign.askWhen!.situations.includes(situation) || sign.askWhen!.factors.some((f) => factors.includes(f)));
			// once reported it stays on its page whatever changes before it, so it can be unticked
			expect(shownOptionsOf(pageOf(sign.group), { ...answers, signs: [sign.id] }, choices).some((c) => c.id === sign.id)).toBe(true);
		}
	);
});
