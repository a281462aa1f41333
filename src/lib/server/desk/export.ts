// A desk export: CSV streamed in batches, so a large one never sits in memory, starting
// with a BOM (Excel reads Cyrillic right) and ending with the caller's audit row (who,
// which filter) given the number of rows sent. That number is only known at the end, so
// the row is written then, also when the download is cut short (`complete: false`); a
// failed audit write fails the download rather than end it as if all were well.
import { CSV_BOM, csvLines, type CsvCell } from '../../core/csv';

export type ExportBatch<C> = { rows: CsvCell[][]; next?: C };

export type ExportSpec<C> = {
	header: string[];
	/** The batch after `cursor` (undefined for the first) and the cursor of the next, if any. */
	batch: (cursor: C | undefined) => Promise<ExportBatch<C>>;
	/** Writes the audit row: how many rows were sent, and `complete: false` if the download was cut short. */
	audit: (sent: { rows: number; complete?: false }) => Promise<void>;
};

export function exportCsv<C>(spec: ExportSpec<C>): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let cursor: C | undefined;
	let rows = 0;
	let ended = false;
	return new ReadableStream({
		start(controller) {
			controller.enqueue(encoder.encode(`${CSV_BOM}${csvLines([spec.header])}`));
		},
		async pull(controller) {
			const batch = await spec.batch(cursor);
			rows += batch.rows.length;
			if (batch.rows.length) controller.enqueue(encoder.encode(csvLines(batch.rows)));
			if (batch.next === undefined) {
				ended = true;
				await spec.audit({ rows });
				controller.close();
			} else cursor = batch.next;
		},
		async cancel() {
			if (!ended) await spec.audit({ rows, complete: false });
		}
	});
}

/** The answer to an export route: the stream as a download named `<name>-<today, UTC>.csv`. */
export function csvDownload(name: string, csv: ReadableStream<Uint8Array>): Response {
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}-${new Date().toISOString().slice(0, 10)}.csv"`
		}
	});
}

/** The filter's chosen fields only, for an audit row. */
export const chosen = (filter: Record<string, unknown>): Record<string, unknown> =>
	Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
