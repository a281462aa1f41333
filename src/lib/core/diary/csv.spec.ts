import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, decodeUtf8, decodeWindows1251, fromCsv, toCsv, type CsvProgress } from './csv';
import { byTime } from './episode';
import { arbitraryDiary } from './episode-arbitrary';
import { episodeSchema } from './episode-schema';
import { episode } from './testing';

const tricky = [
	episode({ note: 'plain' }),
	episode({ note: 'comma, "quotes" and a\nnew line', factors: ['alcohol', 'heavy-sweating'], signs: ['numbness'] }),
	episode({ note: 'Судорога ночью, «сильная»; ёлки\r\nвторая строка', day: '2026-03-29', time: '02:30', offsetMinutes: 120 }),
	episode({ note: '=SUM(A1:A2)', durationMinutes: 10.2, intensity: 0, leg: 'both', muscle: 'thigh', situation: 'swimming' }),
	episode({ origin: 'first-aid', firstAidStartedAt: '2026-03-01T22:30:00.000Z', firstAidOutcome: 'time-limit', note: '' })
];

describe('CSV', () => {
	test.prop([arbitraryDiary], { numRuns: 300 })('[H-48.1] round trip is exact for any diary the schema accepts', async (diary) => {
		for (const e of diary) expect(episodeSchema.safeParse(e).success).toBe(true);
		expect(await fromCsv(toCsv(diary))).toEqual({ ok: true, episodes: [...diary].sort(byTime) });
	});

	it('has a column for every field an episode can have', () => {
		expect([...CSV_COLUMNS].sort()).toEqual(Object.keys(episodeSchema.shape).sort());
		expect(toCsv(tricky).split('\r\n')[0]).toBe(
			'"id","day","time","offsetMinutes","leg","muscle","durationMinutes","intensity","situation","factors","signs","note","origin","firstAidStartedAt","firstAidOutcome","version"'
		);
	});

	it('[S-40.5] a note that starts a formula is text in the file, and the same note when read back', async () => {
		expect(toCsv(tricky)).toContain(`"'=SUM(A1:A2)"`);
		const back = await fromCsv(toCsv(tricky));
		expect(back.ok && back.episodes.find((e) => e.note === '=SUM(A1:A2)')).toBeTruthy();
	});

	it("keeps first aid's outcome (the 'see a doctor today' stop)", async () => {
		const back = await fromCsv(toCsv(tricky));
		expect(back.ok && back.episodes.find((e) => e.origin === 'first-aid')?.firstAidOutcome).toBe('time-limit');
	});

	it('an empty diary is a header only, and reads back as empty', async () => {
		expect(await fromCsv(toCsv([]))).toEqual({ ok: true, episodes: [] });
	});

	it('a spreadsheet that added a BOM, a trailing blank line and a column of its own still reads', async () => {
		expect(await fromCsv(`\uFEFF${toCsv(tricky.slice(0, 1))}\r\n`)).toEqual({ ok: true, episodes: tricky.slice(0, 1) });
		const [head, row] = toCsv(tricky.slice(0, 1)).split('\r\n');
		expect(await fromCsv(`${head},"mine"\r\n${row},"x"`)).toEqual({ ok: true, episodes: tricky.slice(0, 1) });
	});

	it('a file written before the first-aid outcome column still reads', async () => {
		const old = toCsv(tricky.slice(0, 1))
			.split('\r\n')
			.map((l) => l.split(',').toSpliced(14, 1).join(','))
			.join('\r\n');
		expect(await fromCsv(old)).toEqual({ ok: true, episodes: tricky.slice(0, 1) });
	});

	const csv = toCsv(tricky);
	const lines = csv.split('\r\n');
	it.each([
		// the second entry's note has a line break, so the fourth entry starts on line 5
		['a bad number', csv.replace('"10.2"', '"ten"'), 5, { kind: 'value', field: 'durationMinutes', value: 'ten' }],
		[
			'an unknown factor',
			csv.replace('alcohol heavy-sweating', 'alcohol gin'),
			3,
			{ kind: 'value', field: 'factors', value: 'alcohol gin' }
		],
		[
			'a missing cell',
			[...lines.slice(0, 2), lines[1].replace(/,"[^"]*"$/, '')].join('\r\n'),
			3,
			{ kind: 'cells', found: 15, expected: 16 }
		],
		['the same entry twice', [lines[0], lines[1], lines[1]].join('\r\n'), 3, { kind: 'twice', id: tricky[0].id }],
		['no header', lines.slice(1).join('\r\n'), 1, { kind: 'not-csv' }],
		['a header without a column', lines.map((l) => l.replace(/^"id",/, '')).join('\r\n'), 1, { kind: 'columns', missing: ['id'] }],
		['an unclosed quote', `${lines[0]}\r\n"abc,"def`, 2, { kind: 'quotes' }],
		['not a CSV file at all', 'just some words\nand more', 1, { kind: 'not-csv' }]
	])('%s is named by its line and field, and nothing is imported', async (_, text, line, problem) => {
		expect(await fromCsv(text)).toEqual({ ok: false, line, problem });
	});

	it('pauses between chunks of text and every chunk of rows on a long file, with how far it is', async () => {
		const many = Array.from({ length: 4500 }, (_, i) => episode({ time: `0${i % 10}:00` }));
		const text = toCsv(many);
		const seen: CsvProgress[] = [];
		const back = await fromCsv(text, async (p) => void seen.push(p));
		expect(back.ok && back.episodes).toHaveLength(4500);
		const reading = seen.filter((p) => p.step === 'reading');
		expect(reading.length).toBeGreaterThan(3);
		expect(reading.at(-1)).toEqual({ step: 'reading', done: text.length, total: text.length });
		expect(seen.filter((p) => p.step === 'checking').map((p) => p.done)).toEqual([2000, 4000]);
	});

	it('a problem deep in a long file is named by its line, across the chunks the text is read in', async () => {
		const many = Array.from({ length: 3000 }, (_, i) => episode({ note: i % 7 ? '' : 'two\nlines' }));
		const rows = toCsv(many).split('\r\n');
		const broken = [...rows.slice(0, 2501), rows[2501].replace('"left"', '"middle"'), ...rows.slice(2502)].join('\r\n');
		const line = broken.slice(0, broken.indexOf('"middle"')).split(/\r\n|\n/).length;
		expect(line).toBeGreaterThan(2501);
		const pauses = async () => {};
		expect(await fromCsv(broken, pauses)).toEqual({ ok: false, line, problem: { kind: 'value', field: 'leg', value: 'middle' } });
		const unclosed = [...rows.slice(0, 2801), `"${rows[2801]}`, ...rows.slice(2802)].join('\r\n');
		expect(await fromCsv(unclosed, pauses)).toMatchObject({ ok: false, problem: { kind: 'quotes' } });
	});
});

describe('text encoding', () => {
	const cyrillic = 'Судорога ночью';
	it('valid UTF-8 (with or without a BOM) is read', () => {
		expect(decodeUtf8(new TextEncoder().encode(cyrillic).buffer)).toBe(cyrillic);
	});
	it('Windows-1251 bytes are not UTF-8, and read right when decoded as Windows-1251', () => {
		// "Судорога" in Windows-1251: one byte per letter, 0xC0–0xFF
		const bytes = new Uint8Array([0xd1, 0xf3, 0xe4, 0xee, 0xf0, 0xee, 0xe3, 0xe0]).buffer;
		expect(decodeUtf8(bytes)).toBeUndefined();
		expect(decodeWindows1251(bytes)).toBe('Судорога');
	});
	test.prop([fc.string({ unit: 'grapheme' })])('any text encoded as UTF-8 decodes back to itself', (s) => {
		expect(decodeUtf8(new TextEncoder().encode(s).buffer)).toBe(s);
	});
});
