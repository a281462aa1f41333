import { json } from '@sveltejs/kit';
import { appDatabase } from '$lib/server/db/app';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	try {
		const database = await appDatabase();
		await database.ping();
		return json({ status: 'ready', database: database.kind });
	} catch {
		return json({ status: 'unavailable', database: 'not answering' }, { status: 503, headers: { 'retry-after': '5' } });
	}
};
