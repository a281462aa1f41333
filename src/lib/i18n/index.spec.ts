import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { provideAllMessages } from '../server/messages';
import { pickLang, t } from './index';

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

describe('pickLang', () => {
	const cases: [string | null, 'en' | 'ru'][] = [
		[null, 'en'],
		['', 'en'],
		['ru-RU,ru;q=0.9,en;q=0.8', 'ru'],
		['en-GB,en;q=0.9,ru;q=0.8', 'en'],
		['de-DE,de;q=0.9,ru;q=0.5', 'ru'],
		['fr', 'en'],
		['en;q=0.1, ru;q=0.9', 'ru'],
		['ru;q=0, en', 'en'],
		['garbage;;;,', 'en']
	];
	for (const [header, expected] of cases) it(`${JSON.stringify(header)} → ${expected}`, () => expect(pickLang(header)).toBe(expected));
});
