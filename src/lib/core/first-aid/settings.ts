// The reader's first-aid settings, remembered on the device between cramps. Each is one
// localStorage key holding a literal word, so reading needs no parser (and the first screen
// no schema library, 15 KB gzip of it): the words below are the schema, anything else means
// the default and is set aside (src/lib/browser/first-aid-settings.ts), never overwritten.

export type Settings = {
	muted: boolean;
	vibration: boolean;
	/** `auto` follows prefers-color-scheme; the toggle pins dark or light. */
	theme: 'auto' | 'dark' | 'light';
};

export const SETTING_KEYS = {
	muted: 'fitnavigator.first-aid.voice',
	vibration: 'fitnavigator.first-aid.vibration',
	theme: 'fitnavigator.first-aid.theme'
} as const;

/** Where settings that are not one of their words are kept, as `{ key, value }` records. */
export const UNREADABLE_SETTINGS_KEY = 'fitnavigator.first-aid.settings.unreadable';

/** The only words each key may hold; no key stored means the default. */
const WORDS: Record<(typeof SETTING_KEYS)[keyof typeof SETTING_KEYS], readonly string[]> = {
	[SETTING_KEYS.muted]: ['off'],
	[SETTING_KEYS.vibration]: ['off'],
	[SETTING_KEYS.theme]: ['dark', 'light']
};

export function readSettings(get: (key: string) => string | null): Settings {
	const theme = get(SETTING_KEYS.theme);
	return {
		muted: get(SETTING_KEYS.muted) === 'off',
		vibration: get(SETTING_KEYS.vibration) !== 'off',
		theme: theme === 'dark' || theme === 'light' ? theme : 'auto'
	};
}

/** The stored settings that are none of their key's words: read as the default, kept aside before a write. */
export const unreadableSettings = (get: (key: string) => string | null): { key: string; value: string }[] =>
	Object.entries(WORDS).flatMap(([key, words]) => {
		const value = get(key);
		return value !== null && !words.includes(value) ? [{ key, value }] : [];
	});

/** What to store for `settings`: a value to set, or null to remove the key (the default). */
export function settingEntries(s: Settings): [key: string, value: string | null][] {
	return [
		[SETTING_KEYS.muted, s.muted ? 'off' : null],
		[SETTING_KEYS.vibration, s.vibration ? null : 'off'],
		[SETTING_KEYS.theme, s.theme === 'auto' ? null : s.theme]
	];
}
