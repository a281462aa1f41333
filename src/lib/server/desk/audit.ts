// The desk's audit log: every change, who made it, when, and the before and after.
// Rows are only ever inserted (the database refuses anything else).
import { asc, desc, gt, lt } from 'drizzle-orm';
import { csvRow } from '../../core/desk/csv';
import type { Db } from '../db';
import { deskAudit, type DeskAuditRow } from '../db/desk-schema';

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

/** The whole log as CSV, oldest first, read in batches. */
export function auditCsv(db: Db): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let afterId = 0;
	let started = false;
	return new ReadableStream({
		async pull(controller) {
			if (!started) {
				started = true;
				controller.enqueue(encoder.encode(csvRow(['id', 'at', 'actor', 'action', 'target', 'before', 'after'])));
			}
			const rows = await db.select().from(deskAudit).where(gt(deskAudit.id, afterId)).orderBy(asc(deskAudit.id)).limit(1000);
			const text = rows.map((r) =>
				csvRow([r.id, r.at.toISOString(), r.actorEmail, r.action, r.target, JSON.stringify(r.before), JSON.stringify(r.after)])
			);
			controller.enqueue(encoder.encode(text.join('')));
			if (rows.length < 1000) controller.close();
			else afterId = rows.at(-1)!.id;
		}
	});
}
