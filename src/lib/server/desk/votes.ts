// The desk's yes/no sums over a table of vote counts (one `votes` count per `helpful`
// answer and group), for the inbox's shares and the weekly chart alike.
import { sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

export const yesNoVotes = (votes: PgColumn, helpful: PgColumn) => ({
	yes: sql<number>`(coalesce(sum(${votes}) filter (where ${helpful}), 0))::int`,
	no: sql<number>`(coalesce(sum(${votes}) filter (where not ${helpful}), 0))::int`
});
