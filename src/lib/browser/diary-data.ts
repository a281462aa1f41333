// What the diary and the doctor's report show, loaded the same way for both: first aid's new
// sessions taken in once (under a Web Lock, so two tabs opening at once take each in once),
// every entry, every record that could not be read, and the prevention plan.
import { newFromFirstAid } from '../core/diary/first-aid';
import type { Episode } from '../core/diary/episode';
import type { Plan } from '../core/plan';
import { loadDiary, saveEpisodes, withFirstAidLock, type Diary } from './diary-store';
import { storedEpisodes } from './first-aid-episodes';

export type DiaryData = Diary & {
	/** First aid's sessions taken in by this load, for the page to say so. */
	fromFirstAid: Episode[];
	plan: Plan | undefined;
};

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
		const { fresh, unreadable } = newFromFirstAid(storedEpisodes(), [
			...diary.episodes,
			...diary.firstAidImported.map((firstAidStartedAt) => ({ firstAidStartedAt }))
		]);
		if (fresh.length) await saveEpisodes(fresh, [...diary.firstAidImported, ...fresh.map((e) => e.firstAidStartedAt!)]);
		return { diary: fresh.length ? await loadDiary() : diary, fresh, unreadable };
	});
	return { ...diary, damaged: [...diary.damaged, ...unreadable], fromFirstAid: fresh, plan: await readPlan() };
}
