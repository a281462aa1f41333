// The evening reminder's time, and when it next comes (for the in-app notification).
// The calendar file is in reminder-calendar.ts, loaded only when asked for.
export const REMINDER_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const DEFAULT_REMINDER = '21:30';

/** Milliseconds from `now` to the next `time` (local clock) — for the in-app notification. */
export function msUntil(time: string, now: Date): number {
	const [h, mi] = time.split(':').map(Number);
	const next = new Date(now.getFullYear(), now.getMonth(), now.getDate(), h, mi, 0, 0);
	if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
	return next.getTime() - now.getTime();
}
