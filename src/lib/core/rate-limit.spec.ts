import { describe, expect, it } from 'vitest';
import { admit, expired, type RateWindow } from './rate-limit';

const rule = { limit: 3, windowMs: 60_000 };

/** Runs requests at the given times through one client's window; returns each answer. */
function run(times: number[]) {
	let window: RateWindow | undefined;
	return times.map((now) => {
		const decision = admit(window, now, rule);
		window = decision.window;
		return decision.admitted ? 'ok' : `wait ${decision.retryAfterSeconds}`;
	});
}

describe('admit', () => {
	it.each([
		{ name: 'up to the limit', times: [0, 1, 2], expected: ['ok', 'ok', 'ok'] },
		{ name: 'one over the limit waits for the window', times: [0, 1, 2, 3], expected: ['ok', 'ok', 'ok', 'wait 60'] },
		{ name: 'the wait shrinks as time passes', times: [0, 0, 0, 59_001], expected: ['ok', 'ok', 'ok', 'wait 1'] },
		{ name: 'a new window admits again', times: [0, 0, 0, 0, 60_000], expected: ['ok', 'ok', 'ok', 'wait 60', 'ok'] },
		{
			name: 'refusals do not use up the next window',
			times: [0, 0, 0, 1, 2, 60_000, 60_001],
			expected: ['ok', 'ok', 'ok', 'wait 60', 'wait 60', 'ok', 'ok']
		}
	])('$name', ({ times, expected }) => {
		expect(run(times)).toEqual(expected);
	});

	it('a limit of 0 admits nobody (callers treat 0 as "off" before asking)', () => {
		expect(admit(undefined, 0, { limit: 0, windowMs: 1000 }).admitted).toBe(false);
	});
});

describe('expired', () => {
	it.each([
		{ now: 59_999, expected: false },
		{ now: 60_000, expected: true }
	])('at $now → $expected', ({ now, expected }) => {
		expect(expired({ startedAt: 0, used: 3 }, now, rule)).toBe(expected);
	});
});
