// The project's one CSV writer (and the reader that undoes it): every cell quoted, rows
// ended by CRLF (RFC 4180), and no text a spreadsheet could run as a formula.
//
// papaparse's own `escapeFormulae` only looks at a cell's first character. A spreadsheet
// set to another separator, or one that ignores quotes, splits a cell at `,` `;` or a
// tab (and starts a new row at a line break), and most skip leading spaces and invisible
// characters before reading "=": so a formula start is looked for at the beginning of
// the cell and after each of those, past any whitespace or format characters (zero-width
// space, BOM, direction marks), and an apostrophe, which makes the piece text, is put in
// front. A piece that already starts with apostrophes before a formula start gets one
// more, so `restoreCell` can take exactly one away and give back the text as written.
import Papa from 'papaparse';

export type CsvCell = string | number | boolean | null | undefined;

/** Excel opens a CSV as UTF-8 (Cyrillic included) only when it starts with this. */
export const CSV_BOM = '\uFEFF';

/** A new cell may begin at the start, or after a separator or a line break. */
const PIECE_START = String.raw`(?<=^|[,;\t\r\n])`;
/**
 * What a spreadsheet skips (whitespace and format characters that are not separators
 * themselves), then a character that starts a formula, full-width ones too; or a tab or
 * carriage return, which some programs drop before reading on.
 */
const FORMULA = String.raw`(?:(?![\t\r\n])[\s\p{Cf}])*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r]`;

const DANGER = new RegExp(`${PIECE_START}(?='*(?:${FORMULA}))`, 'gu');
const NEUTRALISED = new RegExp(`${PIECE_START}'(?='*(?:${FORMULA}))`, 'gu');

/** The text with an apostrophe before every formula start a spreadsheet could find in it. */
export const neutralise = (text: string): string => text.replace(DANGER, "'");

/** Undoes `neutralise`: for reading back a file this writer wrote. */
export const restoreCell = (text: string): string => text.replace(NEUTRALISED, '');

/** Rows as CSV lines, each ended by CRLF; text neutralised, numbers and booleans as written, nothing as an empty text. */
export function csvLines(rows: readonly (readonly CsvCell[])[]): string {
	if (!rows.length) return '';
	const data = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutralise(cell) : (cell ?? ''))));
	// escapeFormulae stays off: `neutralise` does its work and more.
	return `${Papa.unparse(data, { quotes: true, newline: '\r\n', header: false, escapeFormulae: false })}\r\n`;
}

/** Rows as text, and what papaparse found wrong (`row` counts from the file's first row, 0). */
export type CsvRows = { data: string[][]; errors: Papa.ParseError[] };

/** Characters read per chunk: a few hundred rows, so no chunk keeps a page busy for long. */
const CHUNK_CHARS = 128 * 1024;

/**
 * A CSV file this writer wrote (or a spreadsheet saved) as rows of text; a BOM is skipped.
 * The text is read a chunk at a time and `pause` is awaited between chunks with how much is
 * read, so a file of tens of thousands of rows leaves the page free to paint and answer.
 */
export function parseCsv(text: string, pause?: (read: number, total: number) => Promise<void>): Promise<CsvRows> {
	const input = text.replace(/^\uFEFF/, '');
	const data: string[][] = [];
	const errors: Papa.ParseError[] = [];
	let read = 0;
	return new Promise((resolve, reject) => {
		Papa.parse<string[]>(input, {
			skipEmptyLines: false,
			chunkSize: CHUNK_CHARS,
			chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
				// a chunk counts its rows from 0: errors are moved to the row's place in the whole file
				for (const e of results.errors) errors.push(e.row === undefined ? e : { ...e, row: e.row + data.length });
				for (const row of results.data) data.push(row.map(restoreCell));
				read = Math.min(input.length, read + CHUNK_CHARS);
				if (!pause) return;
				parser.pause();
				pause(read, input.length).then(() => parser.resume(), reject);
			},
			complete: () => resolve({ data, errors }),
			error: reject
		});
	});
}
