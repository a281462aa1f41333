import { describe, expect, it } from 'vitest';
import { addEpisode, MAX_EPISODES, readEpisodes, type Episode } from './episode';

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

describe('addEpisode', () => {
	it('appends to what is stored', () => {
		const second = { ...episode, situation: 'standing', helped: null };
		expect(readEpisodes(addEpisode(addEpisode(null, episode), second))).toEqual([episode, second]);
	});
	it('starts afresh over unreadable data', () => expect(readEpisodes(addEpisode('garbage', episode))).toEqual([episode]));
	it('keeps only the newest episodes', () => {
		let raw: string | null = null;
		for (let i = 0; i < MAX_EPISODES + 2; i++) raw = addEpisode(raw, { ...episode, durationSeconds: i });
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
