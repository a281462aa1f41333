// What the diary and the doctor's report show, loaded the same way for both: first aid's new
// sessions taken in once (under a Web Lock, so two tabs opening at once take each in once),
// every entry, every record that could not be read, and the prevention plan.
import { EPISODES_KEY, newFromFirstAid } from '../core/diary/first-aid';
import type { Episode } from '../core/diary/episode';
import type { Plan } from '../core/plan';
import { loadDiary, saveEpisodes, withFirstAidLock, type Diary } from './diary-store';

export type DiaryData = Diary & {
	/** First aid's sessions taken in by this load, for the page to say so. */
	fromFirstAid: Episode[];
	plan: Plan | undefined;
};

/** First aid's list as stored (its own adapter validates each record); null when there is none or no storage. */
function firstAidList(): string | null {
	try {
		return localStorage.getItem(EPISODES_KEY);
	} catch {
		return null;
	}
}

/** The prevention plan, read only; a plan store that cannot be opened shows as no plan. */
async function readPlan(): Promise<Plan | undefined> {
	try {
		return (await (await import('./plan-store')).loadPlan()).plan;
	} catch {
		return undefined;
	}
}

export async function loadDiaryData(): Promise<DiaryData> {
	const { diary, fresh, unreadable } = await withFirstAidLock(async () => {
		const diary = await loadDiary();
		// their starts are remembered even if deleted later
		const { fresh, unreadable } = newFromFirstAid(firstAidList(), [
			...diary.episodes,
			...diary.firstAidImported.map((firstAidStartedAt) => ({ firstAidStartedAt }))
		]);
		if (fresh.length) await saveEpisodes(fresh, [...diary.firstAidImported, ...fresh.map((e) => e.firstAidStartedAt!)]);
		return { diary: fresh.length ? await loadDiary() : diary, fresh, unreadable };
	});
	return { ...diary, damaged: [...diary.damaged, ...unreadable], fromFirstAid: fresh, plan: await readPlan() };
}
