import { z } from 'zod';
import { appDatabase } from '$lib/server/db/app';
import { requireDesk } from '$lib/server/desk/access';
import { listAudit } from '$lib/server/desk/audit';
import type { PageServerLoad } from './$types';

const PAGE = 100;

export const load = (async ({ url, locals }) => {
	requireDesk(locals, 'audit');
	const before = z.coerce
		.number()
		.int()
		.positive()
		.safeParse(url.searchParams.get('before') ?? undefined);
	const rows = await listAudit((await appDatabase()).db, { limit: PAGE, beforeId: before.success ? before.data : undefined });
	return {
		rows: rows.map((r) => ({ ...r, before: JSON.stringify(r.before), after: JSON.stringify(r.after) })),
		older: rows.length === PAGE ? rows.at(-1)!.id : undefined
	};
}) satisfies PageServerLoad;
