// First aid's settings on this device (localStorage, one word per key: core/first-aid/settings).
// Browser-only. A stored value that is none of its words is moved aside before the page writes
// over it; a browser that refuses storage (private mode) just means the defaults for this visit.
// Only those refusals (DOMException) are caught: anything else is a bug and is thrown.
import { appendAside } from '../core/first-aid/aside';
import { readSettings, settingEntries, unreadableSettings, UNREADABLE_SETTINGS_KEY, type Settings } from '../core/first-aid/settings';

export function loadSettings(): Settings {
	try {
		const get = (key: string) => localStorage.getItem(key);
		const unreadable = unreadableSettings(get);
		if (unreadable.length)
			localStorage.setItem(UNREADABLE_SETTINGS_KEY, appendAside(localStorage.getItem(UNREADABLE_SETTINGS_KEY), unreadable));
		return readSettings(get);
	} catch (e) {
		if (e instanceof DOMException) return readSettings(() => null);
		throw e;
	}
}

export function saveSettings(settings: Settings): void {
	try {
		for (const [key, value] of settingEntries(settings)) {
			if (value === null) localStorage.removeItem(key);
			else localStorage.setItem(key, value);
		}
	} catch (e) {
		if (!(e instanceof DOMException)) throw e;
		// not kept: the toggles still hold for this visit
	}
}
