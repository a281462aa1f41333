// The self-check's last answer, kept on this device for the diary's monitor: how urgent it was,
// its advice's title and when. Nothing else of the answers is kept. localStorage, because the
// monitor reads one small record and the result page writes it with no signal too.
import * as z from 'zod/mini';
import { URGENCY_LEVELS } from '$lib/core/content/urgency';

const KEY = 'fitnavigator-last-check';

export const lastCheckSchema = z.strictObject({
	urgency: z.enum(URGENCY_LEVELS),
	title: z.string().check(z.maxLength(300)),
	/** When the result was shown, ISO 8601. */
	at: z.iso.datetime()
});
export type LastCheck = z.infer<typeof lastCheckSchema>;

export function saveLastCheck(check: LastCheck): void {
	try {
		localStorage.setItem(KEY, JSON.stringify(lastCheckSchema.parse(check)));
	} catch {
		// private browsing or storage full: the monitor then simply has no self-check to show
	}
}

/** The last result, or undefined when there is none or the record is unreadable. */
export function readLastCheck(): LastCheck | undefined {
	try {
		const parsed = lastCheckSchema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? 'null'));
		return parsed.success ? parsed.data : undefined;
	} catch {
		return undefined;
	}
}
