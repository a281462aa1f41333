// Content ids: their form, and looking one up. Kept apart from schema.ts so browser code can
// use them without loading all of zod.
/** Content ids are lower-case-kebab. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Ids are checked by parseLibrary, so a miss here is a bug, not bad content. */
export function get<T>(map: Map<string, T>, id: string): T {
	const item = map.get(id);
	if (!item) throw new Error(`content id "${id}" is not in the library`);
	return item;
}
