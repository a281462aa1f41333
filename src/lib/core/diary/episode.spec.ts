import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { insertNewestFirst, mergeTimed, newestFirst, sortTimed } from './episode';
import { arbitraryEpisode } from './episode-arbitrary';

// The list is kept in order as the diary is read (a batch at a time) and changed (one entry
// at a time), never sorted whole: both ways must give exactly the order one sort gives.
const diary = (minLength: number) => fc.uniqueArray(arbitraryEpisode, { selector: (e) => e.id, minLength, maxLength: 40 });
const sameDays = (minLength: number) =>
	diary(minLength).map((list) => list.map((e, i) => ({ ...e, day: i % 2 ? '2026-03-29' : '2026-03-30' })));

describe('the diary list order', () => {
	test.prop([fc.oneof(diary(0), sameDays(0)), fc.nat(40)])('sorted batches merged give the order of one sort', (list, cut) => {
		const merged = mergeTimed(sortTimed(list.slice(0, cut)), sortTimed(list.slice(cut))).map((t) => t.e);
		expect(merged).toEqual([...list].sort(newestFirst));
	});

	test.prop([fc.oneof(diary(1), sameDays(1)), fc.nat(40)])('an entry inserted takes the place one sort gives it', (list, at) => {
		const i = Math.min(at, list.length - 1);
		const rest = [...list.slice(0, i), ...list.slice(i + 1)].sort(newestFirst);
		expect(insertNewestFirst(rest, list[i])).toEqual([...list].sort(newestFirst));
	});
});
