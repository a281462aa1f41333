import { describe, expect, it } from 'vitest';
import { feedbackFromForm, feedbackProblem, feedbackSchema } from './feedback';

const cases: { name: string; body: unknown; field?: string }[] = [
	{ name: 'a yes', body: { lang: 'en', helpful: true } },
	{ name: 'a no with a comment', body: { lang: 'ru', helpful: false, comment: 'Нет картинок' } },
	{ name: 'a comment of exactly 2000 characters', body: { lang: 'en', helpful: false, comment: 'x'.repeat(2000) } },
	{ name: 'a comment of 2001 characters', body: { lang: 'en', helpful: false, comment: 'x'.repeat(2001) }, field: 'comment' },
	{ name: 'an unknown language', body: { lang: 'de', helpful: true }, field: 'lang' },
	{ name: 'helpful as a string', body: { lang: 'en', helpful: 'yes' }, field: 'helpful' },
	{ name: 'helpful missing', body: { lang: 'en' }, field: 'helpful' },
	{ name: 'a NUL byte in the comment', body: { lang: 'en', helpful: false, comment: 'a\u0000b' }, field: 'comment' },
	{ name: 'a lone surrogate in the comment', body: { lang: 'en', helpful: false, comment: 'a\ud800b' }, field: 'comment' },
	{ name: 'an extra field', body: { lang: 'en', helpful: true, email: 'a@b.c' }, field: '' },
	{ name: 'an array body', body: [], field: '' }
];

describe('feedbackSchema', () => {
	for (const c of cases) {
		it(`${c.field === undefined ? 'accepts' : 'rejects'} ${c.name}`, () => {
			const r = feedbackSchema.safeParse(c.body);
			expect(r.success).toBe(c.field === undefined);
			if (!r.success) expect(r.error.issues[0].path.join('.')).toBe(c.field);
		});
	}
});

describe('feedbackFromForm', () => {
	const form = (entries: Record<string, string>) => {
		const f = new FormData();
		for (const [k, v] of Object.entries(entries)) f.set(k, v);
		return f;
	};
	it('asks what to improve after a plain "no"', () => {
		expect(feedbackFromForm(form({ helpful: 'no' }), 'en')).toEqual({ step: 'comment' });
	});
	it('accepts "yes"', () => {
		const r = feedbackFromForm(form({ helpful: 'yes' }), 'ru');
		expect(r.step === 'submit' && r.parsed.data).toEqual({ lang: 'ru', helpful: true });
	});
	it('treats an empty comment as none', () => {
		const r = feedbackFromForm(form({ helpful: 'no', comment: '   ' }), 'en');
		expect(r.step === 'submit' && r.parsed.data).toEqual({ lang: 'en', helpful: false });
	});
	it('rejects a missing answer, naming helpful', () => {
		const r = feedbackFromForm(form({}), 'en');
		expect(r.step === 'submit' && r.parsed.error?.issues[0].path).toEqual(['helpful']);
	});
	it('keeps an over-long comment for the reader to shorten', () => {
		const long = 'y'.repeat(2500);
		const r = feedbackFromForm(form({ helpful: 'no', comment: long }), 'en');
		expect(r.step === 'submit' && !r.parsed.success && r.comment).toBe(long);
	});
});

describe('feedbackProblem', () => {
	const cases: { name: string; body: unknown; expected: string }[] = [
		{ name: 'no answer', body: { lang: 'en' }, expected: 'helpful' },
		{ name: 'a comment over 2000 characters', body: { lang: 'en', helpful: false, comment: 'x'.repeat(2001) }, expected: 'comment' },
		{ name: 'a NUL in the comment', body: { lang: 'en', helpful: false, comment: 'a\u0000b' }, expected: 'characters' },
		{ name: 'a lone surrogate in the comment', body: { lang: 'en', helpful: false, comment: 'a\ud800b' }, expected: 'characters' }
	];
	for (const c of cases) {
		it(`names ${c.expected} for ${c.name}`, () => {
			const r = feedbackSchema.safeParse(c.body);
			if (r.success) return expect.unreachable();
			expect(feedbackProblem(r.error)).toBe(c.expected);
		});
	}
});
