// The full backup: every stored record as it is, the unreadable ones included, so a
// restore can never lose what the backup held.
import { z } from 'zod/mini';

export const BACKUP_FORMAT = 'fitnavigator-diary-backup';

export type StoredRecord = { key: string; record: unknown };
export type Backup = { format: typeof BACKUP_FORMAT; version: 1; exportedAt: string; records: StoredRecord[]; firstAidImported: string[] };

const backupSchema = z.strictObject({
	format: z.literal(BACKUP_FORMAT),
	version: z.literal(1),
	exportedAt: z.string(),
	records: z.array(z.strictObject({ key: z.string().check(z.minLength(1)), record: z.unknown() })),
	firstAidImported: z.array(z.string())
});

export const makeBackup = (records: StoredRecord[], firstAidImported: string[], now: Date): Backup => ({
	format: BACKUP_FORMAT,
	version: 1,
	exportedAt: now.toISOString(),
	records,
	firstAidImported
});

/** The backup in `text`, or what is wrong with it (then nothing is restored). */
export function parseBackup(text: string): { ok: true; backup: Backup } | { ok: false; problem: string } {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, problem: 'not a JSON file' };
	}
	const parsed = backupSchema.safeParse(data);
	if (!parsed.success) {
		const i = parsed.error.issues[0];
		return { ok: false, problem: `${i.path.join('.') || '(file)'}: ${i.message}` };
	}
	return { ok: true, backup: parsed.data as Backup };
}
