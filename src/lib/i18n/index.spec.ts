import { readdirSync, readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { provideAllMessages } from '../server/messages';
import { locales, plurals, t } from './index';

provideAllMessages();

describe('message catalogs', () => {
	for (const file of readdirSync('messages/en')) {
		it(`${file}: Russian has exactly the English keys, none empty`, () => {
			const en = JSON.parse(readFileSync(`messages/en/${file}`, 'utf8'));
			const ru = JSON.parse(readFileSync(`messages/ru/${file}`, 'utf8'));
			expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
			for (const v of [...Object.values(en), ...Object.values(ru)]) expect(String(v).trim()).not.toBe('');
		});
	}
	it('fills placeholders', () => {
		expect(t('en', 'editor.review.awaiting', { date: '1 May' })).toBe('Updated 1 May — awaiting expert review');
	});
});

describe('plurals', () => {
	const catalogs = ['en', 'ru'].map((lang) => ({
		lang: lang as 'en' | 'ru',
		messages: Object.assign({}, ...readdirSync(`messages/${lang}`).map((f) => JSON.parse(readFileSync(`messages/${lang}/${f}`, 'utf8'))))
	}));

	test.prop([fc.nat({ max: 100_000 })])(
		'every plural message gives one whole phrase for any count, in the form the language needs',
		(n) => {
			for (const { lang, messages } of catalogs)
				for (const [key, message] of Object.entries(messages as Record<string, string>)) {
					if (!message.includes(', plural,')) continue;
					// every placeholder the message names gets the count (`{total, plural, …}`, `{max}`)
					const params = Object.fromEntries([...message.matchAll(/\{(\w+)/g)].map((m) => [m[1], n]));
					const filled = plurals(lang, message, params).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
					expect(filled, `${lang} ${key}`).not.toMatch(/[{}#]/);
					// the form of each count is the one Intl.PluralRules names, so each message must have it
					const category = new Intl.PluralRules(locales[lang]).select(n);
					expect(message, `${lang} ${key} needs the "${category}" form`).toMatch(new RegExp(`(=${n}|${category}|other)\\s*\\{`));
					if (lang === 'ru') for (const form of ['one', 'few', 'many']) expect(message, `${key}: ${form}`).toContain(`${form} {`);
				}
		}
	);

	it('says 1 cramp, 2 судороги, 5 судорог, 21 судорога', () => {
		expect(t('en', 'diary.list.count', { count: 1 })).toBe('1 cramp');
		expect(t('en', 'diary.list.count', { count: 12 })).toBe('12 cramps');
		expect(t('ru', 'diary.list.count', { count: 2 })).toBe('2 судороги');
		expect(t('ru', 'diary.list.count', { count: 5 })).toBe('5 судорог');
		expect(t('ru', 'diary.list.count', { count: 21 })).toBe('21 судорога');
		expect(t('ru', 'check.result.moreSigns', { count: 3 })).toBe('Ещё 3 признака, за которыми нужно следить');
	});
});
