import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import glossaryFile from '../../../../content/glossary.json';
import { compileGlossary, findForbidden, glossarySchema, languageOf, type Finding } from './glossary';
import type { Lang } from './lang';

const glossary = compileGlossary(glossarySchema.parse(glossaryFile));
// Every content file and every message catalogue, as the build bundles them.
const contentFiles = import.meta.glob('/content/**/*.{yaml,yml}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const messageFiles = import.meta.glob('/messages/*/*.json', { import: 'default', eager: true }) as Record<string, unknown>;

describe('findForbidden', () => {
	const tiny = compileGlossary({
		about: '',
		en: [{ term: 'towards', forbidden: ['toward'], why: 'British' }],
		ru: [
			{ term: 'диарея', forbidden: ['понос*'], why: 'one word' },
			{ term: 'при судороге в икре', forbidden: ['судорог* икры'], why: 'in, not of' }
		]
	});

	it('matches a variant as a whole word, in any case, and says what to use instead', () => {
		expect(findForbidden('Pull your toes Toward you.', 'en', tiny)).toEqual([
			{ term: 'towards', variant: 'toward', excerpt: 'Pull your toes Toward you.' }
		]);
		expect(findForbidden('Pull your toes towards you.', 'en', tiny)).toEqual([]);
	});

	it('matches Russian word endings and phrases across a line break', () => {
		expect(findForbidden('При поносе пейте чаще', 'ru', tiny).map((f) => f.term)).toEqual(['диарея']);
		expect(findForbidden('Понос', 'ru', tiny)).toHaveLength(1);
		expect(findForbidden('помощь при судорогах\nикры', 'ru', tiny).map((f) => f.variant)).toEqual(['судорог* икры']);
		expect(findForbidden('при судороге в икре; при диарее', 'ru', tiny)).toEqual([]);
	});

	it('does not take the first part of a hyphenated term for the banned word', () => {
		const midwife = compileGlossary({ about: '', en: [], ru: [{ term: 'акушер-гинеколог', forbidden: ['акушером'], why: 'the doctor' }] });
		expect(findForbidden('посоветуйтесь с акушером.', 'ru', midwife)).toHaveLength(1);
		expect(findForbidden('посоветуйтесь с акушером-гинекологом.', 'ru', midwife)).toEqual([]);
	});

	it('wants an abbreviation spelled out at its first use in each text, in any case ending', () => {
		const nhs = compileGlossary({
			about: '',
			en: [],
			ru: [
				{
					term: 'Национальная служба здравоохранения Великобритании (NHS)',
					forbidden: ['британск* служб* здравоохранения*'],
					why: 'spell it out',
					abbreviation: { short: 'NHS', full: 'Национальн* служб* здравоохранения Великобритании (NHS)', except: ['NHS 111'] }
				}
			]
		});
		expect(findForbidden('NHS советует покой.', 'ru', nhs).map((f) => f.variant)).toEqual(['NHS (first use, not spelled out)']);
		expect(findForbidden('Британская служба здравоохранения (NHS) советует.', 'ru', nhs)).toHaveLength(2);
		expect(findForbidden('Так пишет Национальная служба здравоохранения Великобритании (NHS). NHS советует покой.', 'ru', nhs)).toEqual([]);
		expect(findForbidden('Данные Национальной службы здравоохранения Великобритании (NHS).', 'ru', nhs)).toEqual([]);
		expect(findForbidden('Позвоните в NHS 111 (в Великобритании).', 'ru', nhs)).toEqual([]);
		expect(findForbidden('NHS advises rest.', 'en', nhs)).toEqual([]);
	});

	it('checks each language only against its own list', () => {
		expect(findForbidden('понос', 'en', tiny)).toEqual([]);
	});

	it('tells Russian text from English by its letters', () => {
		expect(languageOf('Судорога')).toBe('ru');
		expect(languageOf('Cramp 10 min')).toBe('en');
	});
});

type Located = Finding & { file: string; where: string };

/** Every string in a YAML or JSON value, with its path and language (from an en/ru key, else its letters). */
function* strings(value: unknown, where: string, lang?: Lang): Generator<{ where: string; lang: Lang; text: string }> {
	if (typeof value === 'string') yield { where, lang: lang ?? languageOf(value), text: value };
	else if (Array.isArray(value))
		for (const [i, v] of value.entries()) yield* strings(v, `${where}[${(v as { id?: string } | null)?.id ?? i}]`, lang);
	else if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) {
			const keyLang = k === 'en' ? 'en' : k === 'ru' || k === 'titleRu' ? 'ru' : lang;
			yield* strings(v, where ? `${where}.${k}` : k, keyLang);
		}
}

function scan(file: string, data: unknown, lang?: Lang): Located[] {
	return [...strings(data, '', lang)].flatMap((s) => findForbidden(s.text, s.lang, glossary).map((f) => ({ ...f, file, where: s.where })));
}

const findings: Located[] = [
	...Object.entries(contentFiles).flatMap(([path, text]) => scan(path.slice(1), parseYaml(text))),
	...Object.entries(messageFiles).flatMap(([path, data]) => scan(path.slice(1), data, path.split('/')[2] as Lang))
];

// Words in files other engineers own, reported to the lead for their owners to change.
// Each entry must still match something: once fixed, delete it here.
const PENDING: { file: string; where: string; variant: string }[] = [];

const isPending = (f: Located) => PENDING.some((p) => p.file === f.file && p.where === f.where && p.variant === f.variant);

describe('the glossary in content/ and messages/', () => {
	it('scans both the content and the interface text', () => {
		expect(Object.keys(contentFiles).length).toBeGreaterThan(10);
		expect(Object.keys(messageFiles)).toEqual(expect.arrayContaining(['/messages/en/guide.json', '/messages/ru/check.json']));
	});

	it('finds no banned variant (file, field and the words around it are named)', () => {
		const report = findings.filter((f) => !isPending(f)).map((f) => `${f.file} ${f.where}: "${f.variant}" → use "${f.term}": …${f.excerpt}…`);
		expect(report, report.join('\n')).toEqual([]);
	});

	it('keeps its list of pending fixes current', () => {
		const stale = PENDING.filter((p) => !findings.some((f) => p.file === f.file && p.where === f.where && p.variant === f.variant));
		expect(stale).toEqual([]);
	});
});
