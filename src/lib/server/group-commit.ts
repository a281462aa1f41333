// Group commit: items that arrive while a write is in flight wait and go together in the
// next one, so many of them share one round trip and one commit (one WAL flush) instead of
// each paying its own. Nothing waits on a timer: with no write in flight an item goes at
// once, alone, so a quiet server answers as fast as before.

export type GroupCommitOptions = {
	/** Most items in one write (bounds a statement's size and a batch's latency). */
	maxBatch: number;
	/** Most writes in flight at once; the rest queue behind them and batch up. */
	maxInFlight: number;
};

/**
 * `write` stores a batch and answers one result per item, in the batch's order, only after
 * the batch is committed. The function returned takes one item and resolves with its own
 * result; if `write` fails (throws, or answers the wrong number of results), every item of
 * that batch rejects with that failure, and no other batch is affected.
 */
export function groupCommit<Item, Result>(
	write: (batch: Item[]) => Promise<Result[]>,
	{ maxBatch, maxInFlight }: GroupCommitOptions
): (item: Item) => Promise<Result> {
	type Waiting = { item: Item; resolve(result: Result): void; reject(error: unknown): void };
	let queue: Waiting[] = [];
	let inFlight = 0;

	async function flush(batch: Waiting[]) {
		inFlight++;
		try {
			const results = await write(batch.map((w) => w.item));
			if (results.length !== batch.length) throw new Error(`group commit: ${results.length} results for ${batch.length} items`);
			batch.forEach((w, i) => w.resolve(results[i]));
		} catch (e) {
			for (const w of batch) w.reject(e);
		} finally {
			inFlight--;
			next();
		}
	}

	function next() {
		while (queue.length > 0 && inFlight < maxInFlight) {
			const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
			queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
			void flush(batch);
		}
	}

	return (item) =>
		new Promise<Result>((resolve, reject) => {
			queue.push({ item, resolve, reject });
			next();
		});
}
