import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { episodeSchema } from './episode-schema';
import { readRecord } from './records';
import { episode } from './testing';

describe('reading stored records', () => {
	it('a current record reads as it was written', () => {
		const e = episode();
		expect(readRecord(structuredClone(e))).toEqual({ ok: true, episode: e, migrated: false });
	});

	it.each([
		['not an object', 'hello', 'not an object'],
		['no version', { ...episode(), version: undefined }, 'version: missing'],
		['a newer version', { ...episode(), version: 9 }, 'newer than this app'],
		['a broken field', { ...episode(), intensity: 11 }, 'intensity:'],
		['an unknown sign', { ...episode(), signs: ['itching'] }, 'signs.0:']
	])('%s is kept aside with the reason', (_, record, problem) => {
		const read = readRecord(record);
		expect(read.ok).toBe(false);
		expect(!read.ok && read.problem).toContain(problem);
	});

	// A new version adds its step to MIGRATIONS and its row here. Until then the chain is
	// proven on a made-up three-version format, so it works the day version 2 arrives.
	it('runs every migration step in order, then checks the result', () => {
		const fields: Record<string, unknown> = episode({ note: 'v1' });
		delete fields.version;
		// typed as today's schema: readRecord's callers only ever get the current version
		const schema = z.strictObject({ ...episodeSchema.shape, version: z.literal(3) }) as unknown as typeof episodeSchema;
		const migrations = {
			1: (r: Record<string, unknown>) => ({ ...r, note: `${r.note} → v2` }),
			2: (r: Record<string, unknown>) => ({ ...r, note: `${r.note} → v3` })
		};
		const read = readRecord({ ...fields, version: 1 }, { migrations, current: 3, schema });
		expect(read).toEqual({ ok: true, migrated: true, episode: { ...fields, version: 3, note: 'v1 → v2 → v3' } });
		expect(readRecord({ ...fields, version: 2 }, { migrations, current: 3, schema })).toMatchObject({
			ok: true,
			episode: { note: 'v1 → v3' }
		});
		expect(readRecord({ ...fields, version: 1 }, { migrations: {}, current: 3, schema })).toEqual({
			ok: false,
			problem: 'version: no way to upgrade from 1'
		});
	});
});
