// The desk's audit log: every change, who made it, when, and the before and after.
// Rows are only ever inserted (the database refuses anything else).
import { asc, desc, gt, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { deskAudit, type DeskAuditRow } from '../db/desk-schema';
import { exportCsv } from './export';

export type Actor = { id: string | null; email: string };

export async function recordAudit(db: Db, actor: Actor, action: string, target: string, before: unknown, after: unknown): Promise<void> {
	await db
		.insert(deskAudit)
		.values({ actorId: actor.id, actorEmail: actor.email, action, target, before: before ?? null, after: after ?? null });
}

/** Newest first; `beforeId` pages back. */
export async function listAudit(db: Db, options: { limit: number; beforeId?: number }): Promise<DeskAuditRow[]> {
	return db
		.select()
		.from(deskAudit)
		.where(options.beforeId ? lt(deskAudit.id, options.beforeId) : undefined)
		.orderBy(desc(deskAudit.id))
		.limit(options.limit);
}

const EXPORT_BATCH = 1000;

/** The whole log as CSV, oldest first; the export's own audit row comes last. */
export const auditCsv = (db: Db, actor: Actor): ReadableStream<Uint8Array> =>
	exportCsv<number>({
		header: ['id', 'at', 'actor', 'action', 'target', 'before', 'after'],
		async batch(afterId = 0) {
			const rows = await db.select().from(deskAudit).where(gt(deskAudit.id, afterId)).orderBy(asc(deskAudit.id)).limit(EXPORT_BATCH);
			return {
				rows: rows.map((r) => [
					r.id,
					r.at.toISOString(),
					r.actorEmail,
					r.action,
					r.target,
					JSON.stringify(r.before),
					JSON.stringify(r.after)
				]),
				next: rows.length < EXPORT_BATCH ? undefined : rows.at(-1)!.id
			};
		},
		audit: (sent) => recordAudit(db, actor, 'audit.export', 'audit', null, { filter: {}, ...sent })
	});
