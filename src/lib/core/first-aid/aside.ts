// First aid's "kept aside" lists: stored records it could not read, moved as they were to a
// key of their own before anything overwrites them. The list is JSON; a list that is itself
// unreadable is kept too, as its text. No schema library: the settings reach the first screen.

/** The stored aside list `raw` with `records` added. */
export function appendAside(raw: string | null, records: readonly unknown[]): string {
	let kept: unknown[] = [];
	if (raw) {
		try {
			const data: unknown = JSON.parse(raw);
			kept = Array.isArray(data) ? data : [raw];
		} catch {
			kept = [raw];
		}
	}
	return JSON.stringify([...kept, ...records]);
}
