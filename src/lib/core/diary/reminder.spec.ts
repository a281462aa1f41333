import { describe, expect, it } from 'vitest';
import { msUntil } from './reminder';
import { reminderCalendar } from './reminder-calendar';

const text = { title: 'Tick your plan, log last night', description: 'FitNavigator diary', url: 'https://example.org/en/diary' };

describe('reminder calendar (RFC 5545)', () => {
	it('is one daily event at the chosen local time, with an alarm', () => {
		const made = reminderCalendar('21:30', '2026-03-02', text, 'diary-reminder@fitnavigator');
		if (!made.ok) throw new Error(made.problem);
		const lines = made.ics.split('\r\n');
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(lines).toContain('VERSION:2.0');
		expect(lines).toContain('BEGIN:VEVENT');
		// floating time: no Z and no zone, so it follows the reader's clock when travelling
		expect(lines).toContain('DTSTART:20260302T213000');
		expect(lines).toContain('RRULE:FREQ=DAILY');
		expect(lines).toContain('UID:diary-reminder@fitnavigator');
		expect(lines).toContain('BEGIN:VALARM');
		expect(lines).toContain('SUMMARY:Tick your plan\\, log last night');
		expect(lines.at(-2)).toBe('END:VCALENDAR');
		// RFC 5545 3.1: content lines are folded at 75 octets
		expect(lines.every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
	});

	it.each(['24:00', '9:30', '21-30', ''])('refuses %j', (time) => {
		expect(reminderCalendar(time, '2026-03-02', text, 'x')).toEqual({ ok: false, problem: 'time: use HH:MM' });
	});

	it.each([
		['20:00', new Date(2026, 2, 2, 19, 0), 3_600_000],
		['21:30', new Date(2026, 2, 2, 21, 30), 86_400_000],
		['07:00', new Date(2026, 2, 2, 23, 0), 8 * 3_600_000]
	])('next %s', (time, now, ms) => expect(msUntil(time, now)).toBe(ms));
});
