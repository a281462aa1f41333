import { describe, expect, it } from 'vitest';
import { readSettings } from './settings';

const defaults = { muted: false, vibration: true, theme: 'auto' };

describe('readSettings', () => {
	const cases: [string, string | null, object][] = [
		['nothing stored: the defaults', null, defaults],
		['broken JSON: the defaults', '{mut', defaults],
		['a wrong type: the defaults', '{"muted":"yes"}', defaults],
		['an unknown theme: the defaults', '{"theme":"sepia"}', defaults],
		['muted, the rest default', '{"muted":true}', { ...defaults, muted: true }],
		['everything set', '{"muted":true,"vibration":false,"theme":"dark"}', { muted: true, vibration: false, theme: 'dark' }]
	];
	for (const [name, raw, expected] of cases) it(name, () => expect(readSettings(raw)).toEqual(expected));
});
