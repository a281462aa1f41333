// The evening reminder as a calendar file any phone calendar takes in: a daily event at
// the reader's chosen local time. Floating time (no zone), so 21:30 stays 21:30 when the
// reader travels. Nothing is stored anywhere but the reader's own calendar.
import { createEvent } from 'ics';
import { REMINDER_TIME } from './reminder';

export type ReminderText = { title: string; description: string; url: string };

/** The .ics text, or the reason it could not be made. */
export function reminderCalendar(
	time: string,
	today: string,
	text: ReminderText,
	uid: string
): { ok: true; ics: string } | { ok: false; problem: string } {
	const m = REMINDER_TIME.exec(time);
	if (!m) return { ok: false, problem: 'time: use HH:MM' };
	const [y, mo, d] = today.split('-').map(Number);
	const { error, value } = createEvent({
		uid,
		productId: 'fitnavigator/diary',
		start: [y, mo, d, Number(m[1]), Number(m[2])],
		startInputType: 'local',
		startOutputType: 'local',
		duration: { minutes: 5 },
		recurrenceRule: 'FREQ=DAILY',
		title: text.title,
		description: text.description,
		url: text.url,
		busyStatus: 'FREE',
		transp: 'TRANSPARENT',
		alarms: [{ action: 'display', description: text.title, trigger: { minutes: 0, before: true } }]
	});
	return error || !value ? { ok: false, problem: error?.message ?? 'no calendar made' } : { ok: true, ics: value };
}
