// The reader's age group and saved answers on this device, for the diary and first aid.
// Browser-only; a browser that refuses storage (private mode) just means "not asked yet".
import type { AgeGroup } from '../core/assessment/input';
import { AGE_GROUP_KEY, readAgeGroup, type SavedAnswers } from '../core/first-aid/reader';

export function loadAgeGroup(): AgeGroup | undefined {
	try {
		return readAgeGroup(localStorage.getItem(AGE_GROUP_KEY));
	} catch {
		return undefined;
	}
}

/** False when the browser would not keep it: the answer still holds for this visit. */
export function saveAgeGroup(ageGroup: AgeGroup): boolean {
	try {
		localStorage.setItem(AGE_GROUP_KEY, ageGroup);
		return true;
	} catch {
		return false;
	}
}

/** The self-check's answers kept with the plan, if a readable plan holds them. */
export async function loadSavedAnswers(): Promise<SavedAnswers | undefined> {
	try {
		return (await (await import('./plan-store')).loadPlan()).plan?.answers;
	} catch {
		return undefined;
	}
}
