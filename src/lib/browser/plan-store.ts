// The plan on the reader's device (IndexedDB through idb). Browser-only. Whatever is stored
// is read through the plan schema (older versions migrate forward). A record that fails it is
// never dropped or overwritten: it moves, as it was, to the "aside" store, where the plan page
// offers it for download until the reader deletes it.
import { openDB, type IDBPTransaction } from 'idb';
import { readStoredPlan, type Plan } from '../core/plan';

const KEY = 'current';
export type AsideRecord = { id: number; setAsideAt: string; record: unknown };

const db = () =>
	openDB('fitnavigator-plan', 2, {
		upgrade(d, oldVersion) {
			if (oldVersion < 1) d.createObjectStore('plan');
			if (oldVersion < 2) d.createObjectStore('aside', { keyPath: 'id', autoIncrement: true });
		}
	});

/** Moves an unreadable current record aside (in the same transaction as whatever follows). */
async function setAsideIfDamaged(tx: IDBPTransaction<unknown, string[], 'readwrite'>): Promise<Plan | undefined> {
	const stored = readStoredPlan(await tx.objectStore('plan').get(KEY));
	if (stored.kind !== 'damaged') return stored.kind === 'plan' ? stored.plan : undefined;
	await tx.objectStore('aside').add({ setAsideAt: new Date().toISOString(), record: stored.record });
	await tx.objectStore('plan').delete(KEY);
	return undefined;
}

/** The plan, if there is a readable one, and every record set aside as unreadable. */
export async function loadPlan(): Promise<{ plan: Plan | undefined; aside: AsideRecord[] }> {
	const tx = (await db()).transaction(['plan', 'aside'], 'readwrite');
	const plan = await setAsideIfDamaged(tx);
	const aside = (await tx.objectStore('aside').getAll()) as AsideRecord[];
	await tx.done;
	return { plan, aside };
}

export async function savePlan(plan: Plan): Promise<void> {
	const tx = (await db()).transaction(['plan', 'aside'], 'readwrite');
	await setAsideIfDamaged(tx);
	await tx.objectStore('plan').put(plan, KEY);
	await tx.done;
}

export async function deletePlan(): Promise<void> {
	await (await db()).delete('plan', KEY);
}

/** Only when the reader asks: a record set aside is theirs to keep or drop. */
export async function deleteAside(id: number): Promise<void> {
	await (await db()).delete('aside', id);
}
