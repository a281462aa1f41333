// Abuse: feedback is limited per client (429 with Retry-After), the client being the
// socket's address unless TRUST_PROXY says how many proxies put it in X-Forwarded-For.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTS } from './ports';
import { appBackends, startApp, vote, type AppBackend, type RunningApp } from './harness';

type Vote = { via: 'api' | 'form'; forwardedFor?: string };
type Setup = { name: string; port: number; env: Record<string, string>; votes: Vote[]; expected: string };
const api = (forwardedFor?: string): Vote => ({ via: 'api', forwardedFor });
// Each row: the votes, in order, and the statuses they must get.
const SETUPS: Setup[] = [
	{
		name: 'the socket address is the client; X-Forwarded-For is ignored',
		port: PORTS.abuse[0],
		env: { FEEDBACK_RATE_LIMIT: '3' },
		votes: [api('10.0.0.1'), api('10.0.0.2'), api('10.0.0.3'), api('10.0.0.4'), { via: 'form' }],
		expected: '201 201 201 429 429'
	},
	{
		name: 'TRUST_PROXY=1 makes X-Forwarded-For the client',
		port: PORTS.abuse[1],
		env: { FEEDBACK_RATE_LIMIT: '3', TRUST_PROXY: '1' },
		votes: [api('10.0.0.1'), api('10.0.0.1'), api('10.0.0.1'), api('10.0.0.1'), api('10.0.0.2'), api('192.0.2.9, 10.0.0.2'), api()],
		// The last vote bypassed the proxy (no header): limited like everyone else, never a 500.
		expected: '201 201 201 429 201 201 201'
	},
	{
		name: 'FEEDBACK_RATE_LIMIT=0 turns the limit off',
		port: PORTS.abuse[2],
		env: { FEEDBACK_RATE_LIMIT: '0' },
		votes: Array.from({ length: 30 }, () => api('10.0.0.1')),
		expected: Array.from({ length: 30 }, () => '201').join(' ')
	}
];

// One PGlite folder for all rows (servers run one after another): an empty one is slow to create.
let db: AppBackend;
beforeAll(async () => {
	db = await appBackends()[0].create();
});
afterAll(() => db?.dispose());

describe.each(SETUPS)('rate limit: $name', ({ port, env, votes, expected }) => {
	let app: RunningApp;
	beforeAll(async () => {
		app = await startApp(port, { ...db.env, ...env });
	});
	afterAll(() => app?.stop());

	it('answers each vote as expected, with Retry-After and a message on 429', async () => {
		const statuses: number[] = [];
		for (const { via, forwardedFor } of votes) {
			const forwarded: Record<string, string> = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
			const res =
				via === 'api'
					? await fetch(`${app.url}/api/v1/guides/calf-cramps/feedback`, {
							...vote(),
							headers: { 'content-type': 'application/json', ...forwarded }
						})
					: await fetch(`${app.url}/en/guides/calf-cramps/feedback`, {
							method: 'POST',
							headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url, accept: 'text/html', ...forwarded },
							body: 'helpful=yes'
						});
			statuses.push(res.status);
			const body = await res.text();
			if (res.status !== 429) continue;
			if (via === 'form') expect(body).toContain('role="alert"');
			else {
				const wait = Number(res.headers.get('retry-after'));
				expect(wait).toBeGreaterThanOrEqual(1);
				expect(wait).toBeLessThanOrEqual(60);
				expect(JSON.parse(body).error.code).toBe('rate_limited');
			}
		}
		expect(statuses.join(' ')).toBe(expected);
	});
});
