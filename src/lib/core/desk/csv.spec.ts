import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv';

describe('csvCell', () => {
	it.each([
		['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
		['+1', "'+1"],
		['-2+3', "'-2+3"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\t=1', "'\t=1"],
		['plain', 'plain'],
		['a,b', '"a,b"'],
		['line\nbreak', '"line\nbreak"']
	])('%j → %j', (input, expected) => expect(csvCell(input)).toBe(expected));

	it('leaves numbers alone, even negative ones', () => expect(csvCell(-3)).toBe('-3'));
	it('writes nothing for null', () => expect(csvCell(null)).toBe(''));
	it('ends a row with CRLF', () => expect(csvRow(['a', 1, null])).toBe('a,1,\r\n'));
});
