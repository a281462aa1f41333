import { describe, expect, it } from 'vitest';
import { fromCsv, toCsv } from './csv';
import { byTime } from './episode';
import { episode } from './testing';

const tricky = [
	episode({ note: 'plain' }),
	episode({ note: 'comma, "quotes" and a\nnew line', factors: ['alcohol', 'heavy-sweating'], signs: ['numbness'] }),
	episode({ note: 'Судорога ночью, «сильная»; ёлки\r\nвторая строка', day: '2026-03-29', time: '02:30', offsetMinutes: 120 }),
	episode({ note: '=SUM(A1:A2)', durationMinutes: 10.2, intensity: 0, leg: 'both', muscle: 'thigh', situation: 'swimming' }),
	episode({ origin: 'first-aid', firstAidStartedAt: '2026-03-01T22:30:00.000Z', note: '' })
];

describe('CSV', () => {
	it('round trip is exact: commas, quotes, new lines, Cyrillic, numbers, lists, empty fields', () => {
		const csv = toCsv(tricky);
		expect(csv.split('\r\n')[0]).toBe(
			'"id","day","time","offsetMinutes","leg","muscle","durationMinutes","intensity","situation","factors","signs","note","origin","firstAidStartedAt","version"'
		);
		const back = fromCsv(csv);
		expect(back).toEqual({ ok: true, episodes: [...tricky].sort(byTime) });
	});

	it('[S-40.5] a note that starts a formula is text in the file, and the same note when read back', () => {
		expect(toCsv(tricky)).toContain(`"'=SUM(A1:A2)"`);
	});

	it('an empty diary is a header only, and reads back as empty', () => {
		expect(fromCsv(toCsv([]))).toEqual({ ok: true, episodes: [] });
	});

	it('a spreadsheet that added a BOM and a trailing blank line still reads', () => {
		expect(fromCsv(`\uFEFF${toCsv(tricky.slice(0, 1))}\r\n`)).toEqual({ ok: true, episodes: tricky.slice(0, 1) });
	});

	const csv = toCsv(tricky);
	const lines = csv.split('\r\n');
	it.each([
		// the second entry's note has a line break, so the fourth entry starts on line 5
		['a bad number', csv.replace('"10.2"', '"ten"'), 5, 'durationMinutes'],
		['an unknown factor', csv.replace('alcohol heavy-sweating', 'alcohol gin'), 3, 'factors'],
		['a missing cell', [...lines.slice(0, 2), lines[1].replace(/,"[^"]*"$/, '')].join('\r\n'), 3, '14 cells where the header has 15'],
		['the same entry twice', [lines[0], lines[1], lines[1]].join('\r\n'), 3, 'appears twice'],
		['no header', lines.slice(1).join('\r\n'), 1, 'the header has no column']
	])('%s is named by its line, and nothing is imported', (_, text, line, problem) => {
		const result = fromCsv(text);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.line).toBe(line);
		expect(!result.ok && result.problem).toContain(problem);
	});
});
