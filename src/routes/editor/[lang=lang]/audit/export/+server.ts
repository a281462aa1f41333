import { appDatabase } from '$lib/server/db/app';
import { auditCsv } from '$lib/server/desk/audit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) =>
	new Response(auditCsv((await appDatabase()).db, locals.desk!), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`
		}
	});
