// Observability: METRICS_PORT opens a Prometheus endpoint with request counts and
// latency by route, votes, database errors and event-loop lag; the request log is one
// JSON line per request with no address, comment or answer in it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appBackends, startApp, vote, type AppBackend, type RunningApp } from './harness';
import { PORTS } from './ports';

let db: AppBackend;
let app: RunningApp;
const metricsUrl = `http://127.0.0.1:${PORTS.metrics.metrics}/metrics`;
const COMMENT = 'private words 7f3a';

beforeAll(async () => {
	db = await appBackends()[0].create();
	app = await startApp(PORTS.metrics.app, { ...db.env, METRICS_PORT: String(PORTS.metrics.metrics) });
});
afterAll(async () => {
	await app?.stop();
	await db?.dispose();
});

const sample = (text: string, name: string, labels: string) =>
	Number(new RegExp(`^${name}\\{${labels.replace(/[[\]()/+]/g, '\\$&')}\\} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

it('counts requests by route and status, votes, and exposes latency and event-loop lag', async () => {
	for (let i = 0; i < 3; i++) expect((await fetch(`${app.url}/api/v1/guides/calf-cramps/feedback`, vote(COMMENT))).status).toBe(201);
	expect((await fetch(`${app.url}/en/guides/calf-cramps`)).status).toBe(200);
	expect((await fetch(`${app.url}/api/v1/guides/nope`)).status).toBe(404);
	const assess = await fetch(`${app.url}/api/v1/assess`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.99' },
		body: JSON.stringify({ lang: 'en', episode: { durationMinutes: 5, perWeek: 1, situation: 'night' }, signs: ['swelling'] })
	});
	expect(assess.status).toBe(200);

	const res = await fetch(metricsUrl);
	expect(res.status).toBe(200);
	expect(res.headers.get('content-type')).toContain('text/plain');
	const text = await res.text();
	expect(sample(text, 'http_requests_total', 'method="POST",route="/api/v1/guides/[slug]/feedback",status="201"')).toBe(3);
	expect(sample(text, 'http_requests_total', 'method="GET",route="(prerendered)",status="200"')).toBe(1);
	expect(sample(text, 'http_requests_total', 'method="GET",route="/api/v1/guides/[slug]",status="404"')).toBe(1);
	expect(sample(text, 'http_request_duration_seconds_count', 'method="POST",route="/api/v1/guides/[slug]/feedback"')).toBe(3);
	expect(sample(text, 'http_request_duration_seconds_bucket', 'le="+Inf",method="POST",route="/api/v1/guides/[slug]/feedback"')).toBe(3);
	expect(sample(text, 'http_request_duration_seconds_count', 'method="GET",route="(prerendered)"')).toBe(1);
	expect(sample(text, 'feedback_votes_total', 'helpful="true"')).toBe(3);
	expect(text).toMatch(/^database_errors_total 0$/m);
	expect(text).toMatch(/^nodejs_eventloop_lag_seconds \S+$/m);
});

// The log is written in batches, within serving/line-writer.js's FLUSH_MS: the lines are waited for, not assumed.
// Whole lines only: the last piece may be a line still arriving.
const requestLines = () =>
	app
		.output()
		.split('\n')
		.slice(0, -1)
		.filter((l) => l.includes('"route"'))
		.map((l) => JSON.parse(l));
const voteLines = () => requestLines().filter((l) => l.route === '/api/v1/guides/[slug]/feedback');

it('logs one JSON line per request with method, route, status, duration and request id — and nothing private', async () => {
	await expect.poll(() => voteLines().length, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
	const votes = voteLines();
	expect(votes).toHaveLength(3);
	// A page from memory is logged where it is answered, with no close listener.
	await expect.poll(() => requestLines().filter((l) => l.route === '(prerendered)').length, { timeout: 5_000 }).toBe(1);
	expect(requestLines().find((l) => l.route === '(prerendered)')).toMatchObject({
		method: 'GET',
		status: 200,
		req: expect.stringMatching(/^[\w-]{8,}$/)
	});
	for (const line of votes) {
		expect(line).toMatchObject({ method: 'POST', status: 201 });
		expect(typeof line.ms).toBe('number');
		expect(line.req).toMatch(/^[\w-]{8,}$/);
	}
	expect(app.output()).not.toContain(COMMENT);
	expect(app.output()).not.toMatch(/127\.0\.0\.1(?!:\d)|203\.0\.113\.99|swelling/);
});
