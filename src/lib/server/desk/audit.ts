// The desk's audit log: every change, who made it, when, and the before and after.
// Rows are only ever inserted (the database refuses anything else).
import { desc, lt } from 'drizzle-orm';
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
