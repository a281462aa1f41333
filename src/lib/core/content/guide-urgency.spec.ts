// Guides name urgency through the cards: where a guide's own sentence says how soon to get
// help for a sign, the self-check's rules must give that sign the same level. The test reads
// the guides' raw text (phrases are the rules' own words, so `{{phrase:…}}` is left out, except
// the emergency numbers, which say "call now"), finds sign words and level words in one
// sentence (a list item reads with the line that introduces it), runs the engine on those
// signs, and compares. A sign after "no" or "without" is not a sign the sentence gives.
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../server/content-files';
import { assess } from '../assessment/engine';
import { assessmentInputSchema } from '../assessment/input';
import { parseLibrary } from './library';
import { URGENCY_LEVELS, type Lang, type Urgency } from './schema';

const parsed = parseLibrary(readContentFiles(process.cwd()));
if (!parsed.ok) throw new Error('content is invalid; see library.spec.ts');
const lib = parsed.value;

type Finding = { signs: string[]; minutes?: number; perWeek?: number };
type SignWord = { sign: string; pattern: RegExp; unless?: RegExp };

// How readers and our guides name each sign. `unless`: the same word about something else
// (swollen ankles with varicose veins are the GP's, not a one-calf swelling).
const SIGN_WORDS: Record<Lang, SignWord[]> = {
	en: [
		{ sign: 'swelling', pattern: /\b(swollen|swelling|swells?)\b/i, unless: /\b(ankles?|feet|foot|hands?)\b/i },
		{ sign: 'redness', pattern: /\bred(ness)?\b/i },
		{ sign: 'warmth', pattern: /\b(hot|warmth)\b/i, unless: /\bhot (weather|foot|bath|water|drink)|\bheat(stroke| exhaustion)/i },
		{ sign: 'numbness', pattern: /\bnumb(ness)?\b/i },
		{ sign: 'weakness', pattern: /\bweak(ness|er)?\b/i },
		{ sign: 'cold-pale-leg', pattern: /\bcold, pale\b/i },
		{ sign: 'pop-or-snap', pattern: /\b(pop|snap)\b/i },
		{ sign: 'cannot-tiptoe', pattern: /\btiptoe\b/i },
		{ sign: 'chest-pain', pattern: /\bchest pain\b/i },
		{ sign: 'breathlessness', pattern: /\b(short(ness)? of breath|breathless(ness)?)\b/i },
		{ sign: 'fainting', pattern: /\bfaint(ing|ed)?\b/i },
		{ sign: 'dark-urine', pattern: /\bdark(, cola-coloured)? urine\b/i },
		// A cut as the sign names it (a noun), not the verb of "cut down" or "cut back".
		{ sign: 'dirty-wound', pattern: /\bwounds?\b|\bcuts?\b(?! (down|back|off|out)\b)/i },
		// Issue 17's signs: read once the rules know them (see `known` below).
		{ sign: 'heatstroke-signs', pattern: /\bheatstroke\b/i },
		{ sign: 'stroke-signs', pattern: /\b(stroke|drooping face|slurred speech)\b/i, unless: /\bheatstroke\b/i },
		{ sign: 'saddle-numbness-or-bladder-change', pattern: /\b(genitals|bladder|bowels)\b/i },
		{ sign: 'fever-spreading-redness', pattern: /\bspreading\b/i },
		{ sign: 'pain-out-of-proportion', pattern: /\bcompartment syndrome\b|\bout of proportion\b/i }
	],
	ru: [
		// The forms of отёк/отекать only: «отк» alone is also «отказ», «открыть».
		{ sign: 'swelling', pattern: /(?<!\p{L})(отёк|отек(?!\p{L})|отек(?:а|е|и|у|ом|ла|ли|ло|ает|ают|ать|ш)|отёч|отечн)/iu, unless: /лодыж|стоп/i },
		{ sign: 'redness', pattern: /покрасн/i },
		{ sign: 'warmth', pattern: /горяч|(?<!\p{L})жар(?!\p{L})/iu, unless: /горяч\p{L}* (ванн|вод)|теплов\p{L}* (удар|истощ)/iu },
		{ sign: 'numbness', pattern: /онемени|онемел|немеют|немеет/i },
		{ sign: 'weakness', pattern: /слабост|слабеют|слабеет/i },
		{ sign: 'cold-pale-leg', pattern: /холодн\p{L}*, бледн/iu },
		{ sign: 'pop-or-snap', pattern: /щёлкнул|хрустнул/i },
		{ sign: 'cannot-tiptoe', pattern: /встать на носок/i },
		{ sign: 'chest-pain', pattern: /боль в груди/i },
		{ sign: 'breathlessness', pattern: /одышк|задыха/i },
		{ sign: 'fainting', pattern: /обморок/i },
		{ sign: 'dark-urine', pattern: /тёмная моча|моча потемнела/i },
		{ sign: 'dirty-wound', pattern: /(?<!\p{L})(рана|раны|рану|порез)(?!\p{L})/iu },
		{ sign: 'heatstroke-signs', pattern: /теплов\p{L}* удар/iu },
		{ sign: 'stroke-signs', pattern: /(?<!\p{L})инсульт|перекос\p{L}* лиц|невнятн\p{L}* реч/iu },
		{ sign: 'saddle-numbness-or-bladder-change', pattern: /промежност|мочев\p{L}* пузыр|контролировать кишечник/iu },
		{ sign: 'fever-spreading-redness', pattern: /расползается|распространяется/iu },
		{ sign: 'pain-out-of-proportion', pattern: /компартмент|футлярн/iu }
	]
};
const DURATION: Record<Lang, RegExp> = { en: /\b(?:(?:longer|more) than|over) (\d+)(?:[–-]\d+)? min/i, ru: /(?:дольше|больше|более) (\d+)(?:[–-]\d+)? мин/i };
const PER_WEEK: Record<Lang, RegExp> = {
	en: /\b(several|three or more|\d+ or more) times a week\b/i,
	ru: /несколько раз в неделю|три раза в неделю/i
};
/** After these words a sign is named as absent ("no swelling", "without a pop"). */
const NEGATION: Record<Lang, RegExp> = { en: /\b(no|without|nothing)\b/i, ru: /(?<!\p{L})(нет|без)(?!\p{L})/iu };

// Level words, most urgent first; a sentence's level is the most urgent it names.
// Negated levels ("it is not urgent") are taken out before matching.
const LEVEL_WORDS: Record<Lang, { level: Urgency; pattern: RegExp }[]> = {
	en: [
		{ level: 'emergency', pattern: /\bcall (emergency services|an ambulance)|\bEMERGENCY-NUMBERS\b/i },
		{ level: 'urgent', pattern: /\bsame[- ]day\b|\btoday\b|\burgent(ly)?\b|\bA&E\b|\bright away\b/i },
		{ level: 'see-doctor', pattern: /\b(book|make) (a |an )?(routine |GP )?(appointment|visit)|\bsee (a|your) (GP|doctor|phlebologist|vein specialist)|\bsee a phlebologist|\broutine appointment\b/i }
	],
	ru: [
		{ level: 'emergency', pattern: /скор(ую|ой)|EMERGENCY-NUMBERS/i },
		{ level: 'urgent', pattern: /в тот же день|сегодня|срочн|травмпункт|неотложн/i },
		{ level: 'see-doctor', pattern: /запиш\p{L}+|плановый приём|обычный приём|сходите к|консультация флеболога|к флебологу/iu }
	]
};
const NOT_A_LEVEL: Record<Lang, RegExp> = { en: /\b(not|no) (an )?(urgent|emergency)\b/gi, ru: /не срочно|срочно[^.]*не нужно/gi };

/** A guide's own sentences: phrases left out (the numbers kept as a marker), Markdown marks dropped. */
export function sentences(markdown: string): string[] {
	const text = markdown
		.replace(/\{\{phrase:emergency-numbers\}\}/g, 'EMERGENCY-NUMBERS')
		.replace(/\{\{phrase:[^}]*\}\}/g, '')
		.replace(/\*+/g, '');
	const out: string[] = [];
	let intro = '';
	for (const block of text.split(/\n\s*\n/)) {
		for (const line of block.split('\n').map((l) => l.trim())) {
			const item = /^(?:[-*]|\d+\.)\s+(.*)$/.exec(line);
			if (item) out.push(`${intro} ${item[1]}`.trim());
			else if (line) {
				const parts = line.split(/(?<=[.!?])\s+/);
				out.push(...parts);
				intro = line.endsWith(':') ? parts[parts.length - 1] : '';
			}
		}
	}
	return out.filter(Boolean);
}

/** Sign words for ids the rules do not have yet are ignored, so the list can lead the content. */
const known = (w: SignWord) => lib.signs.has(w.sign);

/** The signs (and a cramp's length and frequency) a sentence says the reader has. */
export function signsIn(sentence: string, lang: Lang): Finding {
	const negated = NEGATION[lang].exec(sentence);
	const given = negated ? sentence.slice(0, negated.index) : sentence;
	const finding: Finding = { signs: [] };
	for (const { sign, pattern, unless } of SIGN_WORDS[lang].filter(known))
		if (pattern.test(given) && !unless?.test(given) && !finding.signs.includes(sign)) finding.signs.push(sign);
	const minutes = DURATION[lang].exec(given);
	if (minutes) finding.minutes = Number(minutes[1]) + 1;
	if (PER_WEEK[lang].test(given)) finding.perWeek = 3;
	return finding;
}

/** The most urgent level a sentence names, or null when it names none. */
export function levelIn(sentence: string, lang: Lang): Urgency | null {
	const text = sentence.replace(NOT_A_LEVEL[lang], ' ');
	return LEVEL_WORDS[lang].find((w) => w.pattern.test(text))?.level ?? null;
}

const engineLevel = (f: Finding, lang: Lang): Urgency =>
	assess(
		lib,
		assessmentInputSchema.parse({
			lang,
			episode: { durationMinutes: f.minutes ?? 2, perWeek: f.perWeek ?? 1, situation: 'other' },
			signs: f.signs
		})
	).urgency;

const named = (f: Finding) => f.signs.length > 0 || f.minutes !== undefined || f.perWeek !== undefined;

/** Every sentence of every guide that names a sign and a level the rules answer differently. */
function disagreements() {
	const found: string[] = [];
	for (const guide of lib.guides)
		for (const section of guide.sections) {
			const raw = rawGuides.get(guide.slug)?.sections.find((s) => s.id === section.id)?.body;
			for (const lang of ['en', 'ru'] as const)
				for (const sentence of sentences(raw?.[lang] ?? '')) {
					const finding = signsIn(sentence, lang);
					const said = levelIn(sentence, lang);
					if (!named(finding) || !said) continue;
					const rules = engineLevel(finding, lang);
					if (rules !== said)
						found.push(`${guide.slug} ${section.id} (${lang}): says ${said}, the rules say ${rules} for ${JSON.stringify(finding)}: "${sentence}"`);
				}
		}
	return found;
}

/**
 * A card's own sentences (what it is for, what to do) must not name a sign more calmly than the
 * rules answer it: a card may be shown alone in a guide. A sentence without level words says
 * the card's level. A card may say more than one sign alone would (a sign with a risk factor),
 * so only a calmer level is a disagreement.
 */
function calmerCards() {
	const raw = readContentFiles(process.cwd())
		.filter((f) => f.path.startsWith('content/care/'))
		.flatMap((f) => parseYaml(f.text) as { id: string; level: Urgency; when: Record<Lang, string>; action: Record<Lang, string> }[]);
	const found: string[] = [];
	for (const card of raw)
		for (const lang of ['en', 'ru'] as const)
			for (const sentence of [...sentences(card.when[lang]), ...sentences(card.action[lang])]) {
				const finding = signsIn(sentence, lang);
				if (!named(finding)) continue;
				const said = levelIn(sentence, lang) ?? card.level;
				const rules = engineLevel(finding, lang);
				if (URGENCY_LEVELS.indexOf(rules) > URGENCY_LEVELS.indexOf(said))
					found.push(`care ${card.id} (${lang}): says ${said}, the rules say ${rules} for ${JSON.stringify(finding)}: "${sentence}"`);
			}
	return found;
}

type RawGuide = { slug: string; sections: { id: string; body?: Record<Lang, string> }[] };
const rawGuides = new Map(
	readContentFiles(process.cwd())
		.filter((f) => f.path.startsWith('content/guides/'))
		.map((f) => parseYaml(f.text) as RawGuide)
		.map((g) => [g.slug, g])
);

describe('reading a sentence for signs and levels', () => {
	it('finds the signs a sentence gives and the level it names, in both languages', () => {
		const en = 'Book a routine appointment if you also have numbness, swelling or weakness.';
		expect(signsIn(en, 'en').signs).toEqual(['swelling', 'numbness', 'weakness']);
		expect(levelIn(en, 'en')).toBe('see-doctor');
		const ru = 'Запишитесь на плановый приём, если к ним добавились онемение, отёк или слабость.';
		expect(signsIn(ru, 'ru').signs).toEqual(['swelling', 'numbness', 'weakness']);
		expect(levelIn(ru, 'ru')).toBe('see-doctor');
	});

	it('reads a cramp over 10 minutes as the rules do, and the most urgent level named', () => {
		expect(signsIn('Cramps that last longer than 15–20 minutes and return several times a week', 'en')).toEqual({ signs: [], minutes: 16, perWeek: 3 });
		expect(signsIn('Судороги длятся дольше 15–20 минут и повторяются несколько раз в неделю', 'ru')).toEqual({ signs: [], minutes: 16, perWeek: 3 });
		expect(levelIn('See a doctor the same day; book a routine visit later.', 'en')).toBe('urgent');
		expect(levelIn('With any of these, call EMERGENCY-NUMBERS.', 'en')).toBe('emergency');
		expect(levelIn('Book a routine appointment; it is not urgent.', 'en')).toBe('see-doctor');
		expect(levelIn('Запишитесь к терапевту — это не срочно.', 'ru')).toBe('see-doctor');
	});

	it('does not count a sign named as absent, nor a list item without its introduction', () => {
		expect(signsIn('A short cramp with no swelling, redness or warmth', 'en').signs).toEqual([]);
		expect(signsIn('Короткая судорога без отёка и покраснения', 'ru').signs).toEqual([]);
		expect(sentences('Book an appointment if:\n\n- a vein becomes hard, red and painful;\n- ankles swell.')).toEqual([
			'Book an appointment if:',
			'Book an appointment if: a vein becomes hard, red and painful;',
			'Book an appointment if: ankles swell.'
		]);
	});

	it('reads a sign by its own words, not a word that contains them', () => {
		expect(signsIn('A GP can help you cut down safely.', 'en').signs).toEqual([]);
		expect(signsIn('A recent cut that soil got into.', 'en').signs).toEqual(['dirty-wound']);
		expect(signsIn('Внезапный отказ от алкоголя опасен; откройте окно.', 'ru').signs).toEqual([]);
		expect(signsIn('Икра отекла, появился отёк, нога отекает.', 'ru').signs).toEqual(['swelling']);
	});

	it('leaves phrases out (they are the rules’ words) but keeps the emergency numbers as a level', () => {
		expect(sentences('{{phrase:clot-signs}} Call {{phrase:emergency-numbers}}.')).toEqual(['Call EMERGENCY-NUMBERS.']);
	});
});

describe('guides and the rules', () => {
	it('reads every guide section', () => {
		expect(rawGuides.size).toBe(lib.guides.length);
		expect(URGENCY_LEVELS).toContain(engineLevel({ signs: ['swelling'] }, 'en'));
	});

	it('[H-09.3] no guide sentence gives a sign another level than the rules do', () => {
		const found = disagreements();
		expect(found, found.join('\n')).toEqual([]);
	});

	it('shows each card once per guide (a card is an anchor on the page)', () => {
		const twice = lib.guides.flatMap((g) => {
			const cards = g.sections.flatMap((s) => s.care ?? []);
			return cards.filter((c, i) => cards.indexOf(c) !== i).map((c) => `${g.slug}: ${c}`);
		});
		expect(twice).toEqual([]);
	});

	it('[H-11.2] no care card names a sign more calmly than the rules answer it', () => {
		const found = calmerCards();
		expect(found, found.join('\n')).toEqual([]);
	});

	it('[H-09.4] the main guide shows the card of every sign the rules send to a doctor today or to emergency services', () => {
		const main = lib.guides.find((g) => g.main);
		const shown = new Set(main?.sections.flatMap((s) => s.care ?? []));
		const missing = [...lib.signs.keys()].flatMap((sign) => {
			const answer = assess(lib, assessmentInputSchema.parse({ episode: { durationMinutes: 2, perWeek: 1, situation: 'other' }, signs: [sign] }));
			const level = URGENCY_LEVELS.indexOf(answer.urgency);
			return level >= URGENCY_LEVELS.indexOf('urgent') ? answer.care.filter((c) => lib.care.get(c)?.level === answer.urgency && !shown.has(c)).map((c) => `${sign} → ${c}`) : [];
		});
		expect(missing, missing.join('\n')).toEqual([]);
	});
});
