// The running app's database, opened once from the environment and closed on shutdown.
import { env } from '$env/dynamic/private';
import { openDatabase, type Database } from './index';

let opening: Promise<Database> | undefined;

export function appDatabase(): Promise<Database> {
	// A failed open (database down at start) is forgotten, so the next request tries again.
	opening ??= openDatabase({ url: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR || 'data' }).catch((e) => {
		opening = undefined;
		throw e;
	});
	return opening;
}

export async function closeAppDatabase(): Promise<void> {
	const current = opening;
	opening = undefined;
	if (current) await (await current).close();
}
