import { fc, test } from '@fast-check/vitest';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { msUntil } from './reminder';
import { foldLines, reminderCalendar } from './reminder-calendar';

const text = { title: 'Tick your plan, log last night', description: 'FitNavigator diary', url: 'https://example.org/en/diary' };
const russian = {
	title: 'Дневник судорог: отметьте план, запишите ночь',
	description: 'Откройте дневник судорог FitNavigator: отметьте сегодняшний план профилактики и запишите судороги, если они были ночью.',
	url: 'https://example.org/ru/diary'
};

function made(t = text, time = '21:30') {
	const result = reminderCalendar(time, '2026-03-02', t, 'diary-reminder@fitnavigator');
	if (!result.ok) throw new Error(result.problem);
	return result.ics;
}

/** ical.js, an independent parser: it throws on what RFC 5545 does not allow. */
const parse = (ics: string) => new ICAL.Component(ICAL.parse(ics));
const octets = (l: string) => new TextEncoder().encode(l).length;

describe('reminder calendar (RFC 5545)', () => {
	it('is one daily event at the chosen local time, with an alarm at its start', () => {
		const lines = made().split('\r\n');
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(lines).toContain('VERSION:2.0');
		// floating time: no Z and no zone, so it follows the reader's clock when travelling
		expect(lines).toContain('DTSTART:20260302T213000');
		expect(lines).toContain('RRULE:FREQ=DAILY');
		expect(lines).toContain('TRIGGER:-PT0M');
		expect(lines.at(-2)).toBe('END:VCALENDAR');
	});

	for (const [name, t] of [
		['English', text],
		['Russian', russian]
	] as const)
		it(`reads back through ical.js (${name}): the texts, the time, a zero alarm offset, a daily rule`, () => {
			const ics = made(t);
			const event = parse(ics).getFirstSubcomponent('vevent')!;
			expect(event.getFirstPropertyValue('summary')).toBe(t.title);
			expect(event.getFirstPropertyValue('description')).toBe(t.description);
			expect(event.getFirstPropertyValue('url')).toBe(t.url);
			expect(String(event.getFirstPropertyValue('dtstart'))).toBe('2026-03-02T21:30:00');
			expect(String(event.getFirstPropertyValue('rrule'))).toBe('FREQ=DAILY');
			const alarm = event.getFirstSubcomponent('valarm')!;
			const trigger = alarm.getFirstPropertyValue('trigger') as ICAL.Duration;
			expect(trigger).toBeInstanceOf(ICAL.Duration);
			expect(Math.abs(trigger.toSeconds())).toBe(0);
			expect(alarm.getFirstPropertyValue('description')).toBe(t.title);
			// RFC 5545 3.1: content lines end in CRLF and are folded at 75 octets
			expect(ics.endsWith('\r\n')).toBe(true);
			expect(ics.split('\r\n').filter((l) => octets(l) > 75)).toEqual([]);
		});

	test.prop([fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 400 })])(
		'any title and text come back exactly, in lines of at most 75 octets',
		(title, description) => {
			const ics = made({ title, description, url: 'https://example.org/ru/diary' });
			const event = parse(ics).getFirstSubcomponent('vevent')!;
			expect(event.getFirstPropertyValue('summary')).toBe(title.replace(/\r\n/g, '\n'));
			expect(event.getFirstPropertyValue('description')).toBe(description.replace(/\r\n/g, '\n'));
			expect(event.getFirstSubcomponent('valarm')!.getFirstPropertyValue('description')).toBe(title.replace(/\r\n/g, '\n'));
			expect(ics.split('\r\n').filter((l) => octets(l) > 75)).toEqual([]);
		}
	);

	test.prop([fc.string({ unit: 'grapheme', maxLength: 300 }).filter((s) => !/[\r\n]/.test(s))])(
		'folding keeps every character and splits no UTF-8 sequence',
		(line) => {
			const folded = foldLines(`X:${line}`);
			expect(folded.replace(/\r\n /g, '')).toBe(`X:${line}`);
			expect(folded.split('\r\n').every((l) => octets(l) <= 75 && l.isWellFormed())).toBe(true);
		}
	);

	it.each(['24:00', '9:30', '21-30', ''])('refuses %j', (time) => {
		expect(reminderCalendar(time, '2026-03-02', text, 'x')).toEqual({ ok: false, problem: 'time: use HH:MM' });
	});

	it.each([
		['20:00', new Date(2026, 2, 2, 19, 0), 3_600_000],
		['21:30', new Date(2026, 2, 2, 21, 30), 86_400_000],
		['07:00', new Date(2026, 2, 2, 23, 0), 8 * 3_600_000]
	])('next %s', (time, now, ms) => expect(msUntil(time, now)).toBe(ms));
});
