import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit';

type Item = { id: number; poisoned: boolean };

describe('groupCommit', () => {
	it('for any arrivals and write timings: each caller gets its own result, batches and writes in flight stay bounded, a failed write fails exactly its batch', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.scheduler(),
				fc.array(
					fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
					{ maxLength: 60 }
				), // a tenth refused
				fc.integer({ min: 1, max: 8 }),
				fc.integer({ min: 1, max: 4 }),
				async (s, poisons, maxBatch, maxInFlight) => {
					const batches: Item[][] = [];
					let inFlight = 0;
					let mostInFlight = 0;
					const record = groupCommit(
						async (batch: Item[]) => {
							batches.push(batch);
							mostInFlight = Math.max(mostInFlight, ++inFlight);
							try {
								await s.schedule(Promise.resolve(), `write of ${batch.length}`);
								if (batch.some((item) => item.poisoned)) throw new Error('refused');
								return batch.map((item) => `stored ${item.id}`);
							} finally {
								inFlight--;
							}
						},
						{ maxBatch, maxInFlight }
					);
					const items = poisons.map((poisoned, id) => ({ id, poisoned }));
					const outcomes = items.map((item) => s.schedule(Promise.resolve(), `arrival ${item.id}`).then(() => record(item)));
					const results = await s.waitFor(Promise.allSettled(outcomes));

					expect(
						batches
							.flat()
							.map((item) => item.id)
							.sort((a, b) => a - b)
					).toEqual(items.map((item) => item.id));
					expect(batches.every((batch) => batch.length >= 1 && batch.length <= maxBatch)).toBe(true);
					expect(mostInFlight).toBeLessThanOrEqual(maxInFlight);
					const failed = new Set(batches.filter((b) => b.some((item) => item.poisoned)).flatMap((b) => b.map((item) => item.id)));
					results.forEach((result, id) =>
						expect(result).toEqual(
							failed.has(id) ? { status: 'rejected', reason: new Error('refused') } : { status: 'fulfilled', value: `stored ${id}` }
						)
					);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('with nothing in flight an item is written at once, alone', async () => {
		const batches: number[][] = [];
		const record = groupCommit(async (batch: number[]) => (batches.push(batch), batch), { maxBatch: 64, maxInFlight: 1 });
		expect(await record(1)).toBe(1);
		expect(await record(2)).toBe(2);
		expect(batches).toEqual([[1], [2]]);
	});

	it('a write that answers the wrong number of results fails its batch rather than misanswer anyone', async () => {
		const record = groupCommit(async (batch: number[]) => batch.slice(1), { maxBatch: 64, maxInFlight: 1 });
		const [first, ...rest] = await Promise.allSettled([1, 2, 3].map(record));
		expect(first).toEqual({ status: 'rejected', reason: expect.any(Error) });
		expect(rest.map((r) => r.status)).toEqual(['rejected', 'rejected']);
	});
});
