// The plan on the reader's device (IndexedDB through idb). Browser-only; whatever is
// stored is checked against the plan schema on the way out, so old or damaged data
// reads as "no plan" instead of breaking the page.
import { openDB } from 'idb';
import { planSchema, type Plan } from './core/plan';

const KEY = 'current';
const db = () => openDB('fitnavigator-plan', 1, { upgrade: (d) => void d.createObjectStore('plan') });

export async function loadPlan(): Promise<Plan | undefined> {
	const parsed = planSchema.safeParse(await (await db()).get('plan', KEY));
	return parsed.success ? parsed.data : undefined;
}

export async function savePlan(plan: Plan): Promise<void> {
	await (await db()).put('plan', plan, KEY);
}

export async function deletePlan(): Promise<void> {
	await (await db()).delete('plan', KEY);
}
