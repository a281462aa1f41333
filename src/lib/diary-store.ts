// The cramp diary on the reader's device (IndexedDB through idb): the only code that
// touches IndexedDB for it. Records are stored as written and checked on the way out;
// one that fails stays where it is and is reported, never dropped or overwritten.
import { openDB, type IDBPDatabase } from 'idb';
import type { StoredRecord } from './core/diary/backup';
import type { Episode } from './core/diary/episode';
import { episodeSchema } from './core/diary/episode-schema';
import { readRecord, type Damaged } from './core/diary/records';

const EPISODES = 'episodes';
const META = 'meta';
/** The first-aid starts already taken in, so a deleted import does not come back. */
const IMPORTED = 'first-aid-imported';
const REMINDER = 'reminder';

let opened: Promise<IDBPDatabase> | undefined;
const db = () =>
	(opened ??= openDB('fitnavigator-diary', 1, {
		upgrade(d) {
			d.createObjectStore(EPISODES);
			d.createObjectStore(META);
		}
	}));

export type Diary = { episodes: Episode[]; damaged: Damaged[]; firstAidImported: string[] };

export async function loadDiary(): Promise<Diary> {
	const d = await db();
	const tx = d.transaction([EPISODES, META]);
	const [keys, values, imported] = await Promise.all([
		tx.objectStore(EPISODES).getAllKeys(),
		tx.objectStore(EPISODES).getAll(),
		tx.objectStore(META).get(IMPORTED)
	]);
	const episodes: Episode[] = [];
	const damaged: Damaged[] = [];
	values.forEach((record, i) => {
		const read = readRecord(record);
		if (read.ok) episodes.push(read.episode);
		else damaged.push({ key: String(keys[i]), record, problem: read.problem });
	});
	return { episodes, damaged, firstAidImported: Array.isArray(imported) ? imported : [] };
}

/** Stores every episode or none (one transaction); each is checked first. */
export async function saveEpisodes(list: Episode[], firstAidImported?: string[]): Promise<void> {
	const checked = list.map((e) => episodeSchema.parse(e));
	const tx = (await db()).transaction([EPISODES, META], 'readwrite');
	for (const e of checked) void tx.objectStore(EPISODES).put(e, e.id);
	if (firstAidImported) void tx.objectStore(META).put(firstAidImported, IMPORTED);
	await tx.done;
}

export async function deleteEpisode(id: string): Promise<void> {
	await (await db()).delete(EPISODES, id);
}

/** Every stored record as it is, readable or not, for the backup. */
export async function allRecords(): Promise<StoredRecord[]> {
	const tx = (await db()).transaction(EPISODES);
	const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
	return values.map((record, i) => ({ key: String(keys[i]), record }));
}

/** Puts back a backup's records (same key: the backup's copy wins) in one transaction. */
export async function restoreRecords(records: StoredRecord[], firstAidImported: string[]): Promise<void> {
	const tx = (await db()).transaction([EPISODES, META], 'readwrite');
	for (const r of records) void tx.objectStore(EPISODES).put(r.record, r.key);
	const known = (await tx.objectStore(META).get(IMPORTED)) as string[] | undefined;
	void tx.objectStore(META).put([...new Set([...(known ?? []), ...firstAidImported])], IMPORTED);
	await tx.done;
}

/** The evening notification time ("21:30"), or undefined when it is off. */
export async function loadReminder(): Promise<string | undefined> {
	const time = await (await db()).get(META, REMINDER);
	return typeof time === 'string' ? time : undefined;
}

export async function saveReminder(time: string | undefined): Promise<void> {
	const d = await db();
	await (time === undefined ? d.delete(META, REMINDER) : d.put(META, time, REMINDER));
}

/** Asks the browser not to evict the diary under storage pressure; true when it agreed. */
export async function persistStorage(): Promise<boolean | undefined> {
	if (!navigator.storage?.persist) return undefined;
	return (await navigator.storage.persisted()) || navigator.storage.persist();
}
