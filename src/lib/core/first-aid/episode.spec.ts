import { describe, expect, it } from 'vitest';
import { addEpisode, MAX_EPISODES, readEpisodes, unreadableEpisodes, type Episode } from './episode';

const episode: Episode = { startedAt: '2026-11-27T03:12:00.000Z', durationSeconds: 75, situation: 'bed', outcome: 'gone', helped: true };

describe('readEpisodes', () => {
	const cases: [string, string | null, Episode[]][] = [
		['nothing stored', null, []],
		['an empty string', '', []],
		['broken JSON', '[{', []],
		['not a list', '{"a":1}', []],
		['a list with a malformed episode', JSON.stringify([{ ...episode, durationSeconds: -1 }]), []],
		['a valid list', JSON.stringify([episode]), [episode]]
	];
	for (const [name, raw, expected] of cases) it(name, () => expect(readEpisodes(raw)).toEqual(expected));
});

describe('unreadableEpisodes: what first aid keeps aside before it writes', () => {
	const cases: [string, string | null, unknown[]][] = [
		['nothing stored', null, []],
		['all readable', JSON.stringify([episode]), []],
		['broken JSON, whole', '[{', ['[{']],
		['not a list, whole', '{"a":1}', ['{"a":1}']],
		[
			'only the malformed entries of a list',
			JSON.stringify([episode, { ...episode, durationSeconds: -1 }]),
			[{ ...episode, durationSeconds: -1 }]
		]
	];
	for (const [name, raw, expected] of cases) it(name, () => expect(unreadableEpisodes(raw)).toEqual(expected));
});

describe('addEpisode', () => {
	it('appends to what is stored', () => {
		const second = { ...episode, startedAt: '2026-11-27T04:00:00.000Z', situation: 'standing', helped: null };
		expect(readEpisodes(addEpisode(addEpisode(null, episode), second))).toEqual([episode, second]);
	});
	it('[H-23.1] keeps the readable episodes beside an unreadable one', () => {
		const stored = JSON.stringify([episode, { ...episode, durationSeconds: -1 }]);
		const second = { ...episode, startedAt: '2026-11-28T01:00:00.000Z' };
		expect(readEpisodes(addEpisode(stored, second))).toEqual([episode, second]);
	});
	it('a session kept again replaces its earlier record', () => {
		const again = { ...episode, durationSeconds: 400, outcome: 'time-limit' as const };
		expect(readEpisodes(addEpisode(addEpisode(null, episode), again))).toEqual([again]);
	});
	it('records a safety stop', () => {
		for (const outcome of ['time-limit', 'repeat-limit'] as const)
			expect(readEpisodes(addEpisode(null, { ...episode, outcome }))).toEqual([{ ...episode, outcome }]);
	});
	it('starts afresh over unreadable text', () => expect(readEpisodes(addEpisode('garbage', episode))).toEqual([episode]));
	it('keeps only the newest episodes', () => {
		let raw: string | null = null;
		for (let i = 0; i < MAX_EPISODES + 2; i++)
			raw = addEpisode(raw, { ...episode, startedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), durationSeconds: i });
		const kept = readEpisodes(raw);
		expect(kept).toHaveLength(MAX_EPISODES);
		expect(kept[0].durationSeconds).toBe(2);
	});
	const invalid: [string, Partial<Episode>][] = [
		['an unknown outcome', { outcome: 'maybe' as Episode['outcome'] }],
		['a negative duration', { durationSeconds: -5 }],
		['a start that is not a timestamp', { startedAt: 'last night' }],
		['a situation that is not an id', { situation: 'In Bed' }]
	];
	for (const [name, change] of invalid) it(`refuses ${name}`, () => expect(() => addEpisode(null, { ...episode, ...change })).toThrow());
});
