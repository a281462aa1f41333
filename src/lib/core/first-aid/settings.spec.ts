import { describe, expect, it } from 'vitest';
import { readSettings, settingEntries, SETTING_KEYS, type Settings } from './settings';

const defaults: Settings = { muted: false, vibration: true, theme: 'auto' };
const from = (stored: Record<string, string>) => readSettings((key) => stored[key] ?? null);

describe('readSettings', () => {
	const cases: [string, Record<string, string>, Settings][] = [
		['nothing stored: the defaults', {}, defaults],
		['voice off', { [SETTING_KEYS.muted]: 'off' }, { ...defaults, muted: true }],
		['an unexpected word: the default', { [SETTING_KEYS.muted]: 'yes please' }, defaults],
		['vibration off', { [SETTING_KEYS.vibration]: 'off' }, { ...defaults, vibration: false }],
		['a pinned dark theme', { [SETTING_KEYS.theme]: 'dark' }, { ...defaults, theme: 'dark' }],
		['a pinned light theme', { [SETTING_KEYS.theme]: 'light' }, { ...defaults, theme: 'light' }],
		['an unknown theme: follow the system', { [SETTING_KEYS.theme]: 'sepia' }, defaults]
	];
	for (const [name, stored, expected] of cases) it(name, () => expect(from(stored)).toEqual(expected));
});

describe('settingEntries', () => {
	const all: Settings[] = [defaults, { muted: true, vibration: false, theme: 'dark' }, { muted: false, vibration: false, theme: 'light' }];
	for (const s of all) {
		it(`stores and reads back ${JSON.stringify(s)}`, () => {
			const stored = Object.fromEntries(settingEntries(s).filter((e): e is [string, string] => e[1] !== null));
			expect(from(stored)).toEqual(s);
		});
	}
	it('stores nothing for the defaults', () => expect(settingEntries(defaults).every(([, v]) => v === null)).toBe(true));
});
