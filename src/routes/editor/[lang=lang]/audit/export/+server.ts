import { appDatabase } from '$lib/server/db/app';
import { requireDesk } from '$lib/server/desk/access';
import { auditCsv } from '$lib/server/desk/audit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const actor = requireDesk(locals, 'audit');
	return new Response(auditCsv((await appDatabase()).db, actor), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`
		}
	});
};
