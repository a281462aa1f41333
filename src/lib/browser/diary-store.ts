// The cramp diary on the reader's device (IndexedDB through idb): the only code that
// touches IndexedDB for it. Records are stored as written and checked on the way out;
// one that fails stays where it is and is reported, never dropped or overwritten.
// A write resolves only once its transaction has committed, so the page never confirms a
// change the next reload could undo; every write is told to commit as soon as its requests
// are placed, and whatever is still open when the page is hidden is committed then.
// Other tabs hear of each committed change (BroadcastChannel) and read the diary again.
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { z } from 'zod/mini';
import type { StoredRecord } from '../core/diary/backup';
import { mergeTimed, sortTimed, type Episode, type Timed } from '../core/diary/episode';
import { episodeSchema } from '../core/diary/episode-schema';
import { readRecord, type Damaged } from '../core/diary/records';
import { REMINDER_TIME } from '../core/diary/reminder';

const EPISODES = 'episodes';
const META = 'meta';
/** The first-aid starts already taken in, so a deleted import does not come back. */
const IMPORTED = 'first-aid-imported';
const REMINDER = 'reminder';
/** Where tabs tell each other the diary changed, and the Web Lock for first aid's hand-over. */
const CHANNEL = 'fitnavigator-diary';
/** Puts placed per turn of the event loop in a long import, so the page keeps painting. */
const CHUNK = 500;
/** Records read and checked per request when the diary opens. */
const CHUNK_CHECK = 2000;

/** The meta records, checked on the way out like the entries: first aid's starts, and the reminder's time. */
const importedSchema = z.array(episodeSchema.shape.firstAidStartedAt.def.innerType);
const reminderSchema = z.string().check(z.regex(REMINDER_TIME));

let opened: Promise<IDBPDatabase> | undefined;
const db = () =>
	(opened ??= openDB('fitnavigator-diary', 1, {
		upgrade(d) {
			d.createObjectStore(EPISODES);
			d.createObjectStore(META);
		}
	}));

type WriteTx = IDBPTransaction<unknown, string[], 'readwrite'>;
const open = new Set<WriteTx>();
const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL);

/** Commits without waiting for the browser's auto-commit; a finished transaction throws, which is fine. */
function commit(tx: WriteTx) {
	try {
		tx.commit();
	} catch {
		// already committing or done
	}
}

if (typeof addEventListener === 'function') addEventListener('pagehide', () => open.forEach(commit));

/** Runs `work` in one readwrite transaction; resolves after it committed and the other tabs were told. */
async function write<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
	const tx = (await db()).transaction([EPISODES, META], 'readwrite') as WriteTx;
	open.add(tx);
	try {
		let result: T;
		try {
			result = await work(tx);
		} catch (error) {
			// nothing of a failed write is kept: all or nothing
			tx.done.catch(() => {});
			tx.abort();
			throw error;
		}
		commit(tx);
		await tx.done;
		channel?.postMessage('changed');
		return result;
	} finally {
		open.delete(tx);
	}
}

/** Calls `listener` when another tab has committed a change to the diary; returns the unsubscribe. */
export function onOtherTabChange(listener: () => void): () => void {
	if (!channel) return () => {};
	const handler = () => listener();
	channel.addEventListener('message', handler);
	return () => channel.removeEventListener('message', handler);
}

/** `episodes` newest first (`newestFirst`), so the list shows a page of them without sorting them all. */
export type Diary = { episodes: Episode[]; damaged: Damaged[]; firstAidImported: string[] };

/**
 * Every entry that can be read, every record that cannot (with why), and first aid's starts
 * already taken in. The records are read a batch per request of one transaction, and each
 * batch is checked and sorted as it arrives and merged into the rest, so tens of thousands
 * never hold the page in one long task.
 */
export async function loadDiary(): Promise<Diary> {
	const tx = (await db()).transaction([EPISODES, META]);
	const store = tx.objectStore(EPISODES);
	let episodes: Timed[] = [];
	const damaged: Damaged[] = [];
	let after: IDBKeyRange | undefined;
	for (;;) {
		const [keys, values] = await Promise.all([store.getAllKeys(after, CHUNK_CHECK), store.getAll(after, CHUNK_CHECK)]);
		const batch: Episode[] = [];
		values.forEach((value, i) => {
			const read = readRecord(value);
			if (read.ok) batch.push(read.episode);
			else damaged.push({ key: String(keys[i]), record: value, problem: read.problem });
		});
		episodes = mergeTimed(episodes, sortTimed(batch));
		if (keys.length < CHUNK_CHECK) break;
		after = IDBKeyRange.lowerBound(keys.at(-1), true);
	}
	const stored: unknown = await tx.objectStore(META).get(IMPORTED);
	const imported = importedSchema.safeParse(stored ?? []);
	// an unreadable list is shown like an entry; the entries' own first-aid starts still keep each session in once
	if (!imported.success) damaged.push({ key: `${META}:${IMPORTED}`, record: stored, problem: imported.error.issues[0].message });
	return { episodes: episodes.map((t) => t.e), damaged, firstAidImported: imported.success ? imported.data : [] };
}

/**
 * Stores every episode or none (one transaction); each is checked. `progress` hears
 * how many are placed so far: a long list goes in chunks, each placed when the last one's
 * put succeeds, so the transaction stays open while the page paints between them.
 */
export async function saveEpisodes(list: Episode[], firstAidImported?: string[], progress?: (done: number) => void): Promise<void> {
	await write(async (tx) => {
		const store = tx.objectStore(EPISODES);
		for (let i = 0; i < list.length; i += CHUNK) {
			// each chunk is checked as it goes in; one that fails aborts the whole transaction
			const last = list
				.slice(i, i + CHUNK)
				.map((e) => episodeSchema.parse(e))
				.map((e) => store.put(e, e.id))
				.at(-1);
			if (i + CHUNK < list.length) {
				await last;
				progress?.(i + CHUNK);
			}
		}
		if (firstAidImported) void tx.objectStore(META).put(firstAidImported, IMPORTED);
	});
	progress?.(list.length);
}

/**
 * Replaces an entry that is still in the diary; false (and nothing written) when another
 * tab deleted it meanwhile, so an edit in a stale tab never brings a deleted entry back.
 */
export async function updateEpisode(e: Episode): Promise<boolean> {
	const checked = episodeSchema.parse(e);
	return write(async (tx) => {
		const store = tx.objectStore(EPISODES);
		if ((await store.getKey(checked.id)) === undefined) return false;
		void store.put(checked, checked.id);
		return true;
	});
}

export async function deleteEpisode(id: string): Promise<void> {
	await write(async (tx) => void tx.objectStore(EPISODES).delete(id));
}

/** Every stored record as it is, readable or not, for the backup. */
export async function allRecords(): Promise<StoredRecord[]> {
	const tx = (await db()).transaction(EPISODES);
	const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
	return values.map((record, i) => ({ key: String(keys[i]), record }));
}

/** Puts back a backup's records (same key: the backup's copy wins) in one transaction. */
export async function restoreRecords(records: StoredRecord[], firstAidImported: string[]): Promise<void> {
	await write(async (tx) => {
		const known = (await tx.objectStore(META).get(IMPORTED)) as string[] | undefined;
		for (const r of records) void tx.objectStore(EPISODES).put(r.record, r.key);
		void tx.objectStore(META).put([...new Set([...(known ?? []), ...firstAidImported])], IMPORTED);
	});
}

/**
 * Runs first aid's hand-over holding a Web Lock, so two tabs opened at once take each
 * session in once: the second waits, then reads the diary the first one wrote.
 */
export async function withFirstAidLock<T>(work: () => Promise<T>): Promise<T> {
	if (!navigator.locks) return work();
	return navigator.locks.request(`${CHANNEL}:first-aid-import`, work);
}

/** The evening notification time ("21:30"), or undefined when it is off. */
export async function loadReminder(): Promise<string | undefined> {
	const time = reminderSchema.safeParse(await (await db()).get(META, REMINDER));
	return time.success ? time.data : undefined;
}

export async function saveReminder(time: string | undefined): Promise<void> {
	await write(async (tx) => void (time === undefined ? tx.objectStore(META).delete(REMINDER) : tx.objectStore(META).put(time, REMINDER)));
}

/** Asks the browser not to evict the diary under storage pressure; true when it agreed. */
export async function persistStorage(): Promise<boolean | undefined> {
	if (!navigator.storage?.persist) return undefined;
	return (await navigator.storage.persisted()) || navigator.storage.persist();
}
