import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { pickLang } from './http';

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

	test.prop([fc.string()])('any header gives English or Russian, never an error', (header) => {
		expect(['en', 'ru']).toContain(pickLang(header));
	});

	test.prop([fc.constantFrom('en', 'ru'), fc.array(fc.constantFrom('de', 'fr', 'zh-CN', 'x-klingon'))])(
		'the one of ours it names wins over any language we do not have, however it is spelled',
		(lang, others) => {
			const region = lang === 'en' ? 'EN-gb' : 'RU-ru';
			expect(pickLang([...others, region].join(', '))).toBe(lang);
		}
	);
});
