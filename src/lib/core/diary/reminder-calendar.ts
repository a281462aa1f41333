// The evening reminder as a calendar file any phone calendar takes in: a daily event at
// the reader's chosen local time. Floating time (no zone), so 21:30 stays 21:30 when the
// reader travels. Nothing is stored anywhere but the reader's own calendar.
// Made by the `ics` package, with three of its gaps closed here (checked by ical.js in the
// tests): it writes a zero alarm offset as "-PT" (not a duration), leaves the alarm's text
// unescaped, and folds lines by characters where RFC 5545 counts octets.
import { createEvent } from 'ics';
import { REMINDER_TIME } from './reminder';

export type ReminderText = { title: string; description: string; url: string };

/** RFC 5545 3.3.11 TEXT: backslash, semicolon, comma and line breaks escaped. */
const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

const octets = (s: string) => new TextEncoder().encode(s).length;

/** RFC 5545 3.1: every line at most 75 octets; a continuation starts with one space; no UTF-8 sequence split. */
export function foldLines(ics: string): string {
	return ics
		.replace(/\r\n[ \t]/g, '')
		.split('\r\n')
		.map((line) => {
			const parts: string[] = [];
			let part = '';
			for (const ch of line) {
				if (octets(part) + octets(ch) > 75) {
					parts.push(part);
					part = ' ';
				}
				part += ch;
			}
			parts.push(part);
			return parts.join('\r\n');
		})
		.join('\r\n');
}

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
		alarms: [{ action: 'display', description: escapeText(text.title), trigger: { minutes: 0, before: true } }]
	});
	if (error || !value) return { ok: false, problem: error?.message ?? 'no calendar made' };
	// the alarm rings at the event's start: a zero duration, which the package leaves empty
	return { ok: true, ics: foldLines(value.replace(/^TRIGGER:-PT$/m, 'TRIGGER:-PT0M')) };
}
