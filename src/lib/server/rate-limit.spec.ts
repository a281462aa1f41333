import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db';
import { testBackends } from './db/testing';
import { rateLimiter, type RateLimiter } from './rate-limit';

const answers = async (check: RateLimiter, clients: string[]) => {
	const out: string[] = [];
	for (const client of clients) {
		const d = await check(client);
		out.push(d.admitted ? 'ok' : `429 ${d.retryAfterSeconds > 0 && d.retryAfterSeconds <= 60 ? 'wait' : d.retryAfterSeconds}`);
	}
	return out;
};

describe('rateLimiter in memory', () => {
	it('keeps each client in its own window', async () => {
		const check = rateLimiter({ limit: 2, windowSeconds: 60 }, 'test');
		expect(await answers(check, ['a', 'a', 'b', 'a', 'b', 'b'])).toEqual(['ok', 'ok', 'ok', '429 wait', 'ok', '429 wait']);
	});

	it('admits everything when the limit is off', async () => {
		const check = rateLimiter(null, 'test');
		const decisions = await Promise.all(Array.from({ length: 1000 }, () => check('a')));
		expect(decisions.every((d) => d.admitted)).toBe(true);
	});
});

for (const backend of testBackends().filter((b) => b.name === 'postgres')) {
	describe('rateLimiter in PostgreSQL', () => {
		let database: Database;
		beforeAll(async () => {
			database = await backend.open();
		});
		afterAll(() => database?.close());

		it('two instances (two limiters on one database) share one window per client', async () => {
			const one = rateLimiter({ limit: 3, windowSeconds: 60 }, 'shared', database.pool);
			const two = rateLimiter({ limit: 3, windowSeconds: 60 }, 'shared', database.pool);
			const out = [...(await answers(one, ['c', 'c'])), ...(await answers(two, ['c', 'c'])), ...(await answers(one, ['d']))];
			expect(out).toEqual(['ok', 'ok', 'ok', '429 wait', 'ok']);
		});

		it('stores a hash of the client, never its address', async () => {
			await rateLimiter({ limit: 3, windowSeconds: 60 }, 'privacy', database.pool)('203.0.113.7');
			const { rows } = await database.pool!.query<{ key: string }>(`select key from rate_limit where key like 'privacy%'`);
			expect(rows).toHaveLength(1);
			expect(rows[0].key).not.toContain('203.0.113.7');
		});
	});
}
