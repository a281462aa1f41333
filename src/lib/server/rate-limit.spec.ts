import { describe, expect, it } from 'vitest';
import { rateLimiter } from './rate-limit';

describe('rateLimiter', () => {
	it('keeps each client in its own window', () => {
		const check = rateLimiter({ limit: 2, windowMs: 1000 });
		const answers = [check('a', 0), check('a', 1), check('b', 2), check('a', 3), check('b', 4), check('b', 5), check('a', 1000)].map((d) =>
			d.admitted ? 'ok' : `429 ${d.retryAfterSeconds}`
		);
		expect(answers).toEqual(['ok', 'ok', 'ok', '429 1', 'ok', '429 1', 'ok']);
	});

	it('admits everything when the limit is off', () => {
		const check = rateLimiter(null);
		expect(Array.from({ length: 1000 }, () => check('a', 0).admitted).every(Boolean)).toBe(true);
	});
});
