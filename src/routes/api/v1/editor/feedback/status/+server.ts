import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { appDatabase } from '$lib/server/db/app';
import { requireDesk } from '$lib/server/desk/access';
import { setStatus, STATUSES } from '$lib/server/desk/inbox';
import { readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

const body = z.object({ ids: z.array(z.uuid()).min(1).max(500), status: z.enum(STATUSES) });

/** Bulk status change: `{"ids": [...], "status": "read"}` → `{"updated": n}`. */
export const POST: RequestHandler = async ({ request, locals }) => {
	requireDesk(locals, 'inbox');
	const parsed = await readJson(request, body);
	if (!parsed.ok) return parsed.error;
	return json({ updated: await setStatus((await appDatabase()).db, parsed.value.ids, parsed.value.status, locals.desk!) });
};
