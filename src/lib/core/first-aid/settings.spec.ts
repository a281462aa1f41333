import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSettings, settingEntries, SETTING_KEYS, unreadableSettings, type Settings } from './settings';

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

describe('unreadableSettings', () => {
	const words = fc.constantFrom('off', 'dark', 'light', 'auto', '', 'on', 'Dark');
	const stored = fc.dictionary(fc.constantFrom(...Object.values(SETTING_KEYS)), fc.oneof(words, fc.string()));
	it('every stored value is either written back as it was or set aside: none is lost', () =>
		fc.assert(
			fc.property(stored, (values) => {
				const get = (key: string) => values[key] ?? null;
				const aside = new Map(unreadableSettings(get).map((r) => [r.key, r.value]));
				const written = new Map(settingEntries(readSettings(get)));
				for (const [key, value] of Object.entries(values)) {
					// exactly one of the two keeps it
					expect(aside.get(key) === value, key).not.toBe(written.get(key) === value);
				}
				for (const key of aside.keys()) expect(Object.hasOwn(values, key)).toBe(true);
			})
		));
	it('sets nothing aside when nothing is stored', () => expect(unreadableSettings(() => null)).toEqual([]));
});
