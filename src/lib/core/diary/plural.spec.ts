import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { plurals } from './plural';

const en = '{count} {count|one:cramp|other:cramps}';
const ru = '{count} {count|one:судорога|few:судороги|many:судорог|other:судороги}';

describe('plural forms', () => {
	it.each([
		['en-GB', en, 1, '1 cramp'],
		['en-GB', en, 2, '2 cramps'],
		['en-GB', en, 0, '0 cramps'],
		['ru-RU', ru, 1, '1 судорога'],
		['ru-RU', ru, 3, '3 судороги'],
		['ru-RU', ru, 5, '5 судорог'],
		['ru-RU', ru, 11, '11 судорог'],
		['ru-RU', ru, 21, '21 судорога'],
		['ru-RU', ru, 1.5, '1.5 судороги']
	])('%s %s with %d', (locale, text, count, expected) => {
		expect(plurals(locale, text.replace('{count} ', `${count} `), { count })).toBe(expected);
	});

	test.prop([fc.nat(1_000_000)])('every count gets a Russian word, never the pattern', (count) => {
		const out = plurals('ru-RU', ru, { count });
		expect(out).toMatch(/^\{count\} судорог(а|и)?$/);
	});
});
