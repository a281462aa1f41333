// Prerendered pages come from server.js's memory: the encoding the client accepts, the
// same page in every encoding, and 304 when the client already has it.
import { expect, test } from '@playwright/test';

const PAGE = '/ru/guides/calf-cramps';

test.describe('a prerendered page in each encoding', () => {
	const cases = [
		{ accept: 'gzip, deflate, br', encoding: 'br' },
		{ accept: 'gzip', encoding: 'gzip' },
		{ accept: 'identity', encoding: undefined }
	];
	for (const c of cases) {
		test(`Accept-Encoding: ${c.accept} → ${c.encoding ?? 'none'}`, async ({ request }) => {
			const res = await request.get(PAGE, { headers: { 'accept-encoding': c.accept } });
			expect(res.status()).toBe(200);
			expect(res.headers()['content-encoding']).toBe(c.encoding);
			expect(res.headers()['vary']).toBe('accept-encoding');
			expect(await res.text()).toContain('<html lang="ru"');
		});
	}
});

test('a page the client already has answers 304 with no body', async ({ request }) => {
	const first = await request.get(PAGE);
	const etag = first.headers()['etag'];
	expect(etag).toMatch(/^"[\w-]+"$/);
	const again = await request.get(PAGE, { headers: { 'if-none-match': etag } });
	expect(again.status()).toBe(304);
	expect((await again.body()).length).toBe(0);
	expect((await request.get(PAGE, { headers: { 'if-none-match': '"stale"' } })).status()).toBe(200);
});
