// The diary as a spreadsheet: one row per episode under a header, every field of the
// episode in its own column, so importing the file back gives the same diary. An import
// is all or nothing: the first bad row is named by its line, and nothing is taken in.
import { csvLines, parseCsv } from '../csv';
import { byTime, type Episode } from './episode';
import { episodeSchema } from './episode-schema';

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
	'version'
] as const;
type Column = (typeof CSV_COLUMNS)[number];

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
	return {
		...cells,
		version: number(cells.version),
		offsetMinutes: number(cells.offsetMinutes),
		durationMinutes: number(cells.durationMinutes),
		intensity: number(cells.intensity),
		factors: list(cells.factors),
		signs: list(cells.signs),
		firstAidStartedAt: cells.firstAidStartedAt === '' ? undefined : cells.firstAidStartedAt
	};
}

export type CsvResult = { ok: true; episodes: Episode[] } | { ok: false; line: number; problem: string };

export function fromCsv(text: string): CsvResult {
	const parsed = parseCsv(text);
	const rows = parsed.data;
	// a row starts on the line after the previous row and its quoted line breaks
	let line = 1;
	const lines = rows.map((row) => {
		const at = line;
		line += 1 + row.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
		return at;
	});
	const error = parsed.errors[0];
	if (error) return { ok: false, line: error.row === undefined ? 1 : (lines[error.row] ?? 1), problem: error.message };
	const header = rows[0] ?? [];
	const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
	if (missing.length) return { ok: false, line: 1, problem: `the header has no column ${missing.map((c) => `"${c}"`).join(', ')}` };
	const episodes: Episode[] = [];
	const seen = new Set<string>();
	for (let i = 1; i < rows.length; i++) {
		const row = rows[i];
		if (row.length === 1 && row[0] === '') continue; // a blank line
		if (row.length !== header.length)
			return { ok: false, line: lines[i], problem: `${row.length} cells where the header has ${header.length}` };
		const cells = Object.fromEntries(header.map((h, j) => [h, row[j]])) as Record<Column, string>;
		const checked = episodeSchema.safeParse(fromCells(cells));
		if (!checked.success) {
			const issue = checked.error.issues[0];
			return { ok: false, line: lines[i], problem: `${String(issue.path[0] ?? 'row')}: ${issue.message}` };
		}
		if (seen.has(checked.data.id)) return { ok: false, line: lines[i], problem: `id: "${checked.data.id}" appears twice` };
		seen.add(checked.data.id);
		episodes.push(checked.data);
	}
	return { ok: true, episodes };
}
