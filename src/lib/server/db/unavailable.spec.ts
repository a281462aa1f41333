import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
	it.each([
		{ name: 'connection refused', error: coded('ECONNREFUSED'), expected: true },
		{ name: 'refused on every address (Node 20 AggregateError)', error: new AggregateError([coded('ECONNREFUSED')]), expected: true },
		{ name: 'pool connect timeout', error: new Error('timeout exceeded when trying to connect'), expected: true },
		{ name: 'server closed the connection', error: new Error('Connection terminated unexpectedly'), expected: true },
		{ name: 'admin shutdown (57P01)', error: coded('57P01', 'terminating connection due to administrator command'), expected: true },
		{ name: 'starting up (57P03)', error: coded('57P03', 'the database system is starting up'), expected: true },
		{ name: 'connection exception class 08', error: coded('08006'), expected: true },
		{ name: 'wrapped by Drizzle', error: new Error('Failed query: insert …', { cause: coded('ECONNRESET') }), expected: true },
		{ name: 'unique violation is a bug, not an outage', error: coded('23505', 'duplicate key'), expected: false },
		{ name: 'check violation', error: coded('23514'), expected: false },
		{ name: 'a plain bug', error: new TypeError('x is undefined'), expected: false },
		{ name: 'not an Error at all', error: 'down', expected: false }
	])('$name → $expected', ({ error, expected }) => {
		expect(isDatabaseUnavailable(error)).toBe(expected);
	});
});
