import { fc, test } from '@fast-check/vitest';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvLines, neutralise, parseCsv, restoreCell } from './csv';

/** One cell written and read back by a plain CSV reader, as a spreadsheet would. */
const asRead = (text: string) => Papa.parse<string[]>(csvLines([[text]])).data[0][0];

// The test's own idea of danger, written independently of the writer: a piece a spreadsheet
// may read as its own cell (the cell, or what follows , ; tab or a line break) that, past
// whitespace and invisible characters, starts with = + - @ (or their full-width forms), or
// that starts with a tab or carriage return.
const pieces = (cell: string) => [cell, ...[...cell.matchAll(/[,;\t\r\n]/g)].map((m) => cell.slice(m.index + 1))];
const INVISIBLE = /^[ \u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u206f\u3000\ufeff\u00ad\u180e\v\f]*/;
const startsFormula = (piece: string) => /^[\t\r]/.test(piece) || /^[=+\-@＝＋－＠]/.test(piece.replace(INVISIBLE, ''));

describe('csvLines', () => {
	it.each([
		['=HYPERLINK("http://x.example","click")', `'=HYPERLINK("http://x.example","click")`],
		['ok;=1+1', "ok;'=1+1"],
		['ok,=1+1', "ok,'=1+1"],
		['ok\t=1+1', "ok\t'=1+1"],
		['+1', "'+1"],
		['-2+3', "'-2+3"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\t=1', "'\t'=1"],
		['\tplain', "'\tplain"],
		['\r=1', "'\r'=1"],
		['\u200b=1', "'\u200b=1"],
		['  \ufeff=1', "'  \ufeff=1"],
		['line one\n- a list', "line one\n'- a list"],
		['＝1+1', "'＝1+1"],
		["'=1", "''=1"],
		['plain, text; a-b = c', 'plain, text; a-b = c'],
		['Судорога ночью', 'Судорога ночью']
	])('[S-40.1] %j is read as %j', (input, expected) => expect(asRead(input)).toBe(expected));

	it('quotes every cell and ends every row with CRLF', () =>
		expect(
			csvLines([
				['a', 1, null, true],
				['b"c', -3, undefined, false]
			])
		).toBe('"a","1","","true"\r\n"b""c","-3","","false"\r\n'));
	it('writes numbers as numbers: only text can carry a formula', () => expect(asRead(-3 as unknown as string)).toBe('-3'));
	it('writes nothing for no rows', () => expect(csvLines([])).toBe(''));

	test.prop([fc.string({ unit: 'binary', maxLength: 40 })])('[S-40.2] any text round-trips and no piece of it starts a formula', (text) => {
		const read = asRead(text);
		expect(restoreCell(read)).toBe(text);
		expect(read).toBe(neutralise(text));
		expect(pieces(read).filter(startsFormula)).toEqual([]);
	});

	// Strings made mostly of the characters that matter, so the property meets them often.
	const tricky = fc.string({
		unit: fc.constantFrom('=', '+', '-', '@', '＝', "'", ',', ';', '\t', '\r', '\n', ' ', '\u200b', '\ufeff', '\u00a0', 'a', '"'),
		maxLength: 12
	});
	test.prop([tricky])('[S-40.3] the same for text made of separators, formula starts and invisible characters', (text) => {
		const read = asRead(text);
		expect(restoreCell(read)).toBe(text);
		expect(pieces(read).filter(startsFormula)).toEqual([]);
	});
});

describe('parseCsv', () => {
	it('reads what csvLines wrote, after a BOM, with every cell as it was', async () => {
		const rows = [
			['note', 'n'],
			['=1+1;@x', '-3'],
			["''=y", '']
		];
		expect((await parseCsv(`${CSV_BOM}${csvLines(rows)}`)).data.slice(0, 3)).toEqual(rows);
	});
});
