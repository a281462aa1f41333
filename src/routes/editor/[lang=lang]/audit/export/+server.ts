import { appDatabase } from '$lib/server/db/app';
import { requireDesk } from '$lib/server/desk/access';
import { auditCsv } from '$lib/server/desk/audit';
import { csvDownload } from '$lib/server/desk/export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const actor = requireDesk(locals, 'audit');
	return csvDownload('audit', auditCsv((await appDatabase()).db, actor));
};
