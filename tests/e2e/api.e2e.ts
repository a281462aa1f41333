import { expect, test } from '@playwright/test';
import { expectMatchesOpenApi } from './openapi';

test('lists guides in both languages', async ({ request }) => {
	for (const lang of ['en', 'ru']) {
		const res = await request.get(`/api/v1/guides?lang=${lang}`);
		expect(res.status()).toBe(200);
		await expectMatchesOpenApi(request, 'get', '/api/v1/guides', res);
		const { guides } = await res.json();
		expect(guides.length).toBeGreaterThanOrEqual(6);
		expect(Object.keys(guides[0]).sort()).toEqual(['slug', 'summary', 'tags', 'title']);
	}
	const unknown = await request.get('/api/v1/guides?lang=de');
	expect(unknown.status()).toBe(400);
	await expectMatchesOpenApi(request, 'get', '/api/v1/guides', unknown);
});

test('gives one guide as structured data with the seed doses', async ({ request }) => {
	const res = await request.get('/api/v1/guides/calf-cramps?lang=en');
	await expectMatchesOpenApi(request, 'get', '/api/v1/guides/{slug}', res);
	const guide = await res.json();
	const exercises = Object.fromEntries(
		guide.sections.flatMap((s: { exercises: { id: string }[] }) => s.exercises).map((e: { id: string }) => [e.id, e])
	);
	expect(exercises['towel-stretch'].dose.seconds).toEqual({ min: 60, max: 60 });
	expect(exercises['wall-stretch'].dose.seconds).toEqual({ min: 60, max: 60 });
	expect(exercises['foot-rotations'].dose.counts.map((c: { times: number }) => c.times)).toEqual([15, 15]);
	expect(exercises['pinch-massage'].dose.seconds).toEqual({ min: 10, max: 15 });
	expect(exercises['water-release'].dose.repeat).toEqual({ min: 3, max: 4 });
	expect(exercises['pin-prick'].status).toBe('not-recommended');
	expect(exercises['pin-prick'].steps).toEqual([]);
	expect(guide.sources.length).toBeGreaterThan(0);
	// Only the editorial desk speaks of a review, and nobody has signed this server's text.
	expect(guide).not.toHaveProperty('reviewedBy');
	expect(guide.review).toEqual({ version: expect.stringMatching(/^[0-9a-f]{12}$/), signedOff: null });
	const missing = await request.get('/api/v1/guides/nope?lang=en');
	expect(missing.status()).toBe(404);
	await expectMatchesOpenApi(request, 'get', '/api/v1/guides/{slug}', missing);
});

test.describe('feedback API errors name the field and never 5xx', () => {
	const url = '/api/v1/guides/calf-cramps/feedback';
	const cases: { name: string; data: string; type?: string; status: number; field?: string | null }[] = [
		{ name: 'helpful missing', data: '{"lang":"en"}', status: 400, field: 'helpful' },
		{ name: 'lang unknown', data: '{"lang":"xx","helpful":true}', status: 400, field: 'lang' },
		{
			name: 'comment too long',
			data: JSON.stringify({ lang: 'en', helpful: false, comment: 'a'.repeat(2001) }),
			status: 400,
			field: 'comment'
		},
		{ name: 'malformed JSON', data: '{"lang":', status: 400, field: '(body)' },
		{ name: 'deeply nested JSON', data: '['.repeat(5000) + ']'.repeat(5000), status: 400, field: '(body)' },
		{ name: 'wrong content type', data: '<lang>en</lang>', type: 'application/xml', status: 415, field: '(content-type)' },
		{
			name: 'body over 16 KiB',
			data: JSON.stringify({ lang: 'en', helpful: false, comment: 'a'.repeat(17_000) }),
			status: 413,
			field: null
		}
	];
	for (const c of cases) {
		test(c.name, async ({ request }) => {
			const res = await request.post(url, { data: c.data, headers: { 'content-type': c.type ?? 'application/json' } });
			expect(res.status()).toBe(c.status);
			await expectMatchesOpenApi(request, 'post', '/api/v1/guides/{slug}/feedback', res);
			const body = await res.json();
			expect(body.error.field).toBe(c.field);
		});
	}
	test('unknown guide → 404', async ({ request }) => {
		const res = await request.post('/api/v1/guides/nope/feedback', { data: { lang: 'en', helpful: true } });
		expect(res.status()).toBe(404);
		await expectMatchesOpenApi(request, 'post', '/api/v1/guides/{slug}/feedback', res);
	});
	test('a good vote → 201 with an id', async ({ request }) => {
		const res = await request.post(url, { data: { lang: 'en', helpful: true } });
		expect(res.status()).toBe(201);
		await expectMatchesOpenApi(request, 'post', '/api/v1/guides/{slug}/feedback', res);
		expect((await res.json()).id).toMatch(/^[0-9a-f-]{36}$/);
	});
});

test('health and readiness answer JSON', async ({ request }) => {
	const health = await request.get('/healthz');
	await expectMatchesOpenApi(request, 'get', '/healthz', health);
	expect(await health.json()).toMatchObject({ status: 'ok' });
	const ready = await request.get('/readyz');
	await expectMatchesOpenApi(request, 'get', '/readyz', ready);
	expect(await ready.json()).toMatchObject({ status: 'ready' });
});

test('the OpenAPI document is served and names every v1 route', async ({ request }) => {
	const res = await request.get('/api/v1/openapi.json');
	expect(res.status()).toBe(200);
	const document = await res.json();
	expect(document.openapi).toBe('3.1.0');
	expect(Object.keys(document.paths)).toEqual(
		expect.arrayContaining([
			'/api/v1/guides',
			'/api/v1/guides/{slug}',
			'/api/v1/guides/{slug}/feedback',
			'/api/v1/guides/{slug}/feedback/summary',
			'/api/v1/assess'
		])
	);
});
