// The reader's first-aid settings, remembered on the device between cramps. Each is one
// localStorage key holding a literal word, so reading needs no parser (and the page no
// schema library): anything but the exact word means the default.

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

export function readSettings(get: (key: string) => string | null): Settings {
	const theme = get(SETTING_KEYS.theme);
	return {
		muted: get(SETTING_KEYS.muted) === 'off',
		vibration: get(SETTING_KEYS.vibration) !== 'off',
		theme: theme === 'dark' || theme === 'light' ? theme : 'auto'
	};
}

/** What to store for `settings`: a value to set, or null to remove the key (the default). */
export function settingEntries(s: Settings): [key: string, value: string | null][] {
	return [
		[SETTING_KEYS.muted, s.muted ? 'off' : null],
		[SETTING_KEYS.vibration, s.vibration ? null : 'off'],
		[SETTING_KEYS.theme, s.theme === 'auto' ? null : s.theme]
	];
}
