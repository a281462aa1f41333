// The diary as a spreadsheet: one row per episode under a header, every field of the
// episode in its own column, so importing the file back gives the same diary. An import
// is all or nothing: the first bad row is named by its line and field, and nothing is
// taken in. Problems come back as data, so the page says them in the reader's language.
import { csvLines, parseCsv } from '../csv';
import { byTime, type Episode } from './episode';
import { episodeSchema } from './episode-schema';

export { decodeUtf8, decodeWindows1251 } from './text';

export const CSV_COLUMNS = [
	'id',
	'day',
	'time',
	'offsetMinutes',
	'leg',
	'muscle',
	'durationMinutes',
	'intensity',
	'situation',
	'factors',
	'signs',
	'note',
	'origin',
	'firstAidStartedAt',
	'firstAidOutcome',
	'version'
] as const;
type Column = (typeof CSV_COLUMNS)[number];
/** Columns added after files were first written: a file without them still reads (empty). */
const LATER_COLUMNS: readonly Column[] = ['firstAidOutcome'];

/** Lists (factors, signs) go in one cell, separated by spaces: ids never contain one. */
const LIST_SEPARATOR = ' ';

function cell(e: Episode, column: Column): string {
	const value = e[column];
	if (value === undefined) return '';
	return Array.isArray(value) ? value.join(LIST_SEPARATOR) : String(value);
}

export function toCsv(episodes: Episode[]): string {
	const rows = [...episodes].sort(byTime).map((e) => CSV_COLUMNS.map((c) => cell(e, c)));
	// the project's writer: a note that starts a formula stays text in a spreadsheet, and reads back as written
	return csvLines([CSV_COLUMNS, ...rows]);
}

function fromCells(cells: Record<Column, string>): unknown {
	const number = (s: string) => (s.trim() === '' ? undefined : Number(s));
	const list = (s: string) => (s === '' ? [] : s.split(LIST_SEPARATOR));
	const optional = (s: string | undefined) => (s === '' || s === undefined ? undefined : s);
	return {
		...cells,
		version: number(cells.version),
		offsetMinutes: number(cells.offsetMinutes),
		durationMinutes: number(cells.durationMinutes),
		intensity: number(cells.intensity),
		factors: list(cells.factors),
		signs: list(cells.signs),
		firstAidStartedAt: optional(cells.firstAidStartedAt),
		firstAidOutcome: optional(cells.firstAidOutcome)
	};
}

/** What is wrong with a file, for the page to put in words. */
export type CsvProblem =
	| { kind: 'not-csv' }
	| { kind: 'quotes' }
	| { kind: 'columns'; missing: string[] }
	| { kind: 'cells'; found: number; expected: number }
	| { kind: 'value'; field: string; value: string }
	| { kind: 'twice'; id: string };
export type CsvResult = { ok: true; episodes: Episode[] } | { ok: false; line: number; problem: CsvProblem };

/** Rows to check between two pauses of a long import, so the page can show progress. */
export const CSV_CHUNK = 2000;

/** How far a long import is: reading the text into rows, then checking each row. */
export type CsvProgress = { step: 'reading' | 'checking'; done: number; total: number };

/**
 * The first line in the file of row `index`: a row starts after the previous row and its
 * quoted line breaks. Worked out only for the row a message names, not for every row.
 */
function lineOf(rows: string[][], index: number): number {
	let line = 1;
	for (const row of rows.slice(0, index)) line += 1 + row.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
	return line;
}

/**
 * Reads `text`; `pause` is awaited between chunks of the text and after every CSV_CHUNK
 * rows checked, so a 50,000-row file leaves the page free to paint a progress line.
 */
export async function fromCsv(text: string, pause?: (progress: CsvProgress) => Promise<void>): Promise<CsvResult> {
	const parsed = await parseCsv(text, pause && ((done, total) => pause({ step: 'reading', done, total })));
	const rows = parsed.data;
	const error = parsed.errors[0];
	if (error) {
		const line = error.row === undefined ? 1 : lineOf(rows, error.row);
		return { ok: false, line, problem: error.type === 'Quotes' ? { kind: 'quotes' } : { kind: 'not-csv' } };
	}
	const header = rows[0] ?? [];
	const missing = CSV_COLUMNS.filter((c) => !header.includes(c) && !LATER_COLUMNS.includes(c));
	if (missing.length === CSV_COLUMNS.length - LATER_COLUMNS.length) return { ok: false, line: 1, problem: { kind: 'not-csv' } };
	if (missing.length) return { ok: false, line: 1, problem: { kind: 'columns', missing } };
	const at = new Map(header.map((h, j) => [h, j]));
	const episodes: Episode[] = [];
	const seen = new Set<string>();
	for (let i = 1; i < rows.length; i++) {
		if (pause && i % CSV_CHUNK === 0) await pause({ step: 'checking', done: i, total: rows.length - 1 });
		const row = rows[i];
		if (row.length === 1 && row[0] === '') continue; // a blank line
		if (row.length !== header.length)
			return { ok: false, line: lineOf(rows, i), problem: { kind: 'cells', found: row.length, expected: header.length } };
		// columns the app does not know (a spreadsheet may add one) are left out
		const cells = Object.fromEntries(CSV_COLUMNS.map((c) => [c, at.has(c) ? row[at.get(c)!] : undefined])) as Record<Column, string>;
		const checked = episodeSchema.safeParse(fromCells(cells));
		if (!checked.success) {
			const field = String(checked.error.issues[0].path[0] ?? 'id') as Column;
			return { ok: false, line: lineOf(rows, i), problem: { kind: 'value', field, value: cells[field] ?? '' } };
		}
		if (seen.has(checked.data.id)) return { ok: false, line: lineOf(rows, i), problem: { kind: 'twice', id: checked.data.id } };
		seen.add(checked.data.id);
		episodes.push(checked.data);
	}
	return { ok: true, episodes };
}
