// Reading stored records: whatever the store holds is migrated forward to the current
// version and checked; a record that still fails is kept aside with the reason, never
// dropped and never overwritten.
import { EPISODE_VERSION, type Episode } from './episode';
import { episodeSchema } from './episode-schema';

type Raw = Record<string, unknown>;

/**
 * Migration steps: `MIGRATIONS[n]` turns a version-n record into version n + 1. Version 1
 * is the first format, so there is no step yet; each new version adds one step here and
 * one row to the table test in records.spec.ts.
 */
export const MIGRATIONS: Record<number, (record: Raw) => Raw> = {};

export type Damaged = { key: string; record: unknown; problem: string };
export type ReadResult = { ok: true; episode: Episode; migrated: boolean } | { ok: false; problem: string };

type Format = { migrations: typeof MIGRATIONS; current: number; schema: { safeParse: typeof episodeSchema.safeParse } };
const FORMAT: Format = { migrations: MIGRATIONS, current: EPISODE_VERSION, schema: episodeSchema };

/** `format` is for the migration tests; the app always reads the current format. */
export function readRecord(record: unknown, { migrations, current, schema }: Format = FORMAT): ReadResult {
	if (typeof record !== 'object' || record === null || Array.isArray(record)) return { ok: false, problem: 'not an object' };
	let raw = record as Raw;
	const from = raw.version;
	if (typeof from !== 'number' || !Number.isInteger(from) || from < 1)
		return { ok: false, problem: 'version: missing or not a whole number' };
	if (from > current) return { ok: false, problem: `version: ${from} is newer than this app (${current}); update the app to read it` };
	for (let v = from; v < current; v++) {
		const step = migrations[v];
		if (!step) return { ok: false, problem: `version: no way to upgrade from ${v}` };
		raw = { ...step(raw), version: v + 1 };
	}
	const parsed = schema.safeParse(raw);
	if (!parsed.success)
		return { ok: false, problem: parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ') };
	return { ok: true, episode: parsed.data, migrated: from !== current };
}
