// First aid's episodes on this device (localStorage, as JSON under EPISODES_KEY), for the diary
// to import. Browser-only. The list is read through the core's episode schema: an entry that
// fails it is never dropped, but moved as it was to UNREADABLE_EPISODES_KEY before the list is
// written again. Loaded with the end of a session, so the schema never reaches the first screen.
import { appendAside } from '../core/first-aid/aside';
import { addEpisode, EPISODES_KEY, unreadableEpisodes, UNREADABLE_EPISODES_KEY, type Episode } from '../core/first-aid/episode';

/**
 * Keeps `episode` (kept again, an episode with the same start replaces itself). False when the
 * browser refuses storage (private mode, full); a bad episode is a bug and throws.
 */
export function keepEpisode(episode: Episode): boolean {
	try {
		const raw = localStorage.getItem(EPISODES_KEY);
		const unreadable = unreadableEpisodes(raw);
		if (unreadable.length)
			localStorage.setItem(UNREADABLE_EPISODES_KEY, appendAside(localStorage.getItem(UNREADABLE_EPISODES_KEY), unreadable));
		localStorage.setItem(EPISODES_KEY, addEpisode(raw, episode));
		return true;
	} catch (e) {
		if (e instanceof DOMException) return false;
		throw e;
	}
}

/** First aid's list as stored, for the diary to read through its own schema; null when there is none or no storage. */
export function storedEpisodes(): string | null {
	try {
		return localStorage.getItem(EPISODES_KEY);
	} catch {
		return null;
	}
}
