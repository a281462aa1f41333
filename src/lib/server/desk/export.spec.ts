import { describe, expect, it } from 'vitest';
import { exportCsv, type ExportBatch } from './export';

const keepBom = new TextDecoder('utf-8', { ignoreBOM: true });

/** An export of `batches` (the cursor is the batch's index) and the audit rows it asked for. */
function exported(batches: string[][]) {
	const audits: unknown[] = [];
	const stream = exportCsv<number>({
		header: ['n'],
		batch: async (at = 0): Promise<ExportBatch<number>> => ({
			rows: batches[at].map((n) => [n]),
			next: at + 1 < batches.length ? at + 1 : undefined
		}),
		audit: async (sent) => void audits.push(sent)
	});
	return { stream, audits };
}

describe('exportCsv', () => {
	it('[S-41.1] starts with a BOM and the header, sends every batch, and asks for one audit row with the count at the end', async () => {
		const { stream, audits } = exported([['1', '2'], ['=3'], []]);
		const reader = stream.getReader();
		const chunks: string[] = [];
		for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(keepBom.decode(chunk.value));
		expect(chunks.join('')).toBe('\uFEFF"n"\r\n"1"\r\n"2"\r\n"\'=3"\r\n');
		expect(audits).toEqual([{ rows: 3 }]);
	});

	it('[S-41.2] a download cut short still leaves its row, with the rows sent so far and complete: false', async () => {
		const { stream, audits } = exported([['1', '2'], ['3'], ['4']]);
		const reader = stream.getReader();
		await reader.read(); // the header
		await reader.read(); // the first batch
		await reader.cancel();
		expect(audits).toEqual([{ rows: 2, complete: false }]);
	});

	it('[S-41.3] a failed audit write fails the download instead of ending it', async () => {
		const stream = exportCsv<number>({
			header: ['n'],
			batch: async () => ({ rows: [['1']] }),
			audit: async () => {
				throw new Error('the audit table is gone');
			}
		});
		await expect(new Response(stream).text()).rejects.toThrow('the audit table is gone');
	});
});
