// serving/pages.js against RFC 9110, one table row per case: encoding negotiation with q
// values, one ETag per representation, If-None-Match lists and weak tags, HEAD, Vary,
// and a slot filled in memory.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noneMatch, pathOf, PrerenderedPages } from '../../serving/pages.js';

const PORT = 4270; // this engineer's range (see tests/resilience/ports.ts)
const HTML =
	'<!doctype html><html><head><meta http-equiv="content-security-policy" content="script-src \'self\'"></head><body>Calf cramps <span data-review-slot="calf-cramps/en">Awaiting review</span></body></html>';

let dir: string;
let pages: PrerenderedPages;
let server: http.Server;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'fitnavigator-pages-'));
	mkdirSync(join(dir, 'en/guides'), { recursive: true });
	const file = join(dir, 'en/guides/calf-cramps.html');
	writeFileSync(file, HTML);
	writeFileSync(`${file}.br`, brotliCompressSync(HTML));
	writeFileSync(`${file}.gz`, gzipSync(HTML));
	writeFileSync(join(dir, 'en/index.html'), HTML); // no precompressed copies
	pages = new PrerenderedPages(dir, (html) => (html.includes('script-src') ? 'from-meta' : 'base'));
	server = http.createServer((req, res) => {
		if (!pages.serve(req, res)) res.writeHead(404).end('not here');
	});
	await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
});
afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
	rmSync(dir, { recursive: true, force: true });
});

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
/** A raw request: no client-side decoding or header defaults in the way. */
const send = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
	new Promise<Answer>((resolve, reject) => {
		const req = http.request({ host: '127.0.0.1', port: PORT, path, method, headers, agent: false }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', reject);
		req.end();
	});

const PAGE = '/en/guides/calf-cramps';

describe('Accept-Encoding (RFC 9110 §12.5.3)', () => {
	it.each([
		{ accept: undefined, encoding: undefined, why: 'no header: identity only' },
		{ accept: 'gzip, deflate, br', encoding: 'br', why: 'equal q: the smallest we have' },
		{ accept: 'gzip', encoding: 'gzip', why: 'only gzip' },
		{ accept: 'br;q=0, gzip', encoding: 'gzip', why: 'q=0 refuses br' },
		{ accept: 'br;q=0.5, gzip;q=0.9', encoding: 'gzip', why: 'higher q wins over our preference' },
		{ accept: 'br;q=0, gzip;q=0', encoding: undefined, why: 'both refused: identity stays acceptable' },
		{ accept: '*', encoding: 'br', why: 'anything: the smallest' },
		{ accept: '*;q=0, gzip', encoding: 'gzip', why: '* refused, gzip named' },
		{ accept: 'identity', encoding: undefined, why: 'identity only' },
		{ accept: 'GZIP', encoding: 'gzip', why: 'codings are case-insensitive' },
		{ accept: 'deflate', encoding: undefined, why: 'a coding we do not have: identity' }
	])('$accept → $encoding ($why)', async ({ accept, encoding }) => {
		const res = await send(PAGE, accept === undefined ? {} : { 'accept-encoding': accept });
		expect(res.status).toBe(200);
		expect(res.headers['content-encoding']).toBe(encoding);
		expect(res.headers.vary).toBe('accept-encoding');
		expect(Number(res.headers['content-length'])).toBe(res.body.length);
	});

	it.each(['identity;q=0', '*;q=0', 'br;q=0, gzip;q=0, identity;q=0'])('%s with no other coding acceptable → 406', async (accept) => {
		const res = await send('/en', { 'accept-encoding': accept });
		expect(res.status).toBe(406);
		expect(res.headers.vary).toBe('accept-encoding');
	});
});

describe('ETag and If-None-Match (RFC 9110 §8.8.3, §13.1.2)', () => {
	it('gives each representation its own strong ETag', async () => {
		const tags = await Promise.all(['br', 'gzip', 'identity'].map(async (e) => (await send(PAGE, { 'accept-encoding': e })).headers.etag));
		for (const tag of tags) expect(tag).toMatch(/^"[\w-]+"$/);
		expect(new Set(tags).size).toBe(3);
	});

	it.each([
		{ name: 'the exact tag', header: (tag: string) => tag, status: 304 },
		{ name: 'the tag in a list', header: (tag: string) => `"other", ${tag} , "more"`, status: 304 },
		{ name: 'the weak form of the tag (weak comparison)', header: (tag: string) => `W/${tag}`, status: 304 },
		{ name: '*', header: () => '*', status: 304 },
		{ name: 'a stale tag', header: () => '"stale"', status: 200 },
		{ name: 'the tag of another encoding', header: (_: string, other: string) => other, status: 200 },
		{ name: 'a list without it', header: () => '"a", W/"b"', status: 200 }
	])('If-None-Match with $name → $status', async ({ header, status }) => {
		const br = (await send(PAGE, { 'accept-encoding': 'br' })).headers.etag!;
		const gzip = (await send(PAGE, { 'accept-encoding': 'gzip' })).headers.etag!;
		const res = await send(PAGE, { 'accept-encoding': 'br', 'if-none-match': header(br, gzip) });
		expect(res.status).toBe(status);
		expect(res.headers.etag).toBe(br);
		expect(res.headers.vary).toBe('accept-encoding');
		expect(res.headers['cache-control']).toBe('public, max-age=300');
		expect(res.body.length > 0).toBe(status === 200);
	});

	it.each([
		['"a"', '"a"', true],
		['W/"a"', '"a"', true],
		['"a", "b"', '"b"', true],
		['"ab"', '"a"', false],
		['', '"a"', false],
		[' * ', '"a"', true]
	])('noneMatch(%s, %s) = %s', (header, tag, expected) => {
		expect(noneMatch(header as string, tag as string)).toBe(expected);
	});
});

describe('methods and paths', () => {
	it('HEAD gets the same headers as GET and no body', async () => {
		const get = await send(PAGE, { 'accept-encoding': 'gzip' });
		const head = await send(PAGE, { 'accept-encoding': 'gzip' }, 'HEAD');
		expect(head.status).toBe(200);
		expect(head.body.length).toBe(0);
		expect(get.headers['cache-control']).toBe('public, max-age=300');
		for (const name of ['etag', 'content-length', 'content-encoding', 'content-type', 'vary', 'cache-control', 'content-security-policy'])
			expect(head.headers[name], name).toBe(get.headers[name]);
	});

	it.each([
		['POST', PAGE, 404],
		['GET', '/en/guides/other', 404],
		['GET', `${PAGE}?utm=1`, 200]
	])('%s %s → %s (anything else is not this module’s)', async (method, path, status) => {
		expect((await send(path, {}, method)).status).toBe(status);
	});

	it.each([
		['en/guides/calf-cramps.html', '/en/guides/calf-cramps'],
		['en/index.html', '/en'],
		['index.html', '/']
	])('%s is served at %s', (file, path) => expect(pathOf(file)).toBe(path));
});

describe('fillSlot', () => {
	const FILLED = '<span data-review-slot="calf-cramps/en">Reviewed by Dr A</span>';
	const get = (path: string, accept: string) =>
		new Promise<string>((resolve) =>
			http.get({ host: '127.0.0.1', port: PORT, path, headers: { 'accept-encoding': accept }, agent: false }, (r) => {
				const chunks: Buffer[] = [];
				r.on('data', (c) => chunks.push(c));
				r.on('end', () => {
					const body = Buffer.concat(chunks);
					resolve((accept === 'br' ? brotliDecompressSync(body) : accept === 'gzip' ? gunzipSync(body) : body).toString());
				});
			})
		);

	it('serves the filled slot on every page holding it, in every encoding, each with a new ETag, and the same CSP', async () => {
		expect(pages.slotNames()).toEqual(['calf-cramps/en']);
		const before = (await send(PAGE, { 'accept-encoding': 'br' })).headers.etag;
		pages.fillSlot('calf-cramps/en', 'Reviewed by Dr A');
		for (const accept of ['br', 'gzip', 'identity']) expect(await get(PAGE, accept), accept).toBe(HTML.replace(/<span.*<\/span>/, FILLED));
		expect(await get('/en', 'identity')).toContain(FILLED);
		const after = await send(PAGE, { 'accept-encoding': 'br', 'if-none-match': before! });
		expect(after.status).toBe(200);
		expect(after.headers.etag).not.toBe(before);
		expect(after.headers['content-security-policy']).toBe('from-meta');
		// The same content again: nothing is recompressed, the ETag stays.
		pages.fillSlot('calf-cramps/en', 'Reviewed by Dr A');
		expect((await send(PAGE, { 'accept-encoding': 'br' })).headers.etag).toBe(after.headers.etag);
		expect(() => pages.fillSlot('night-cramps/en', 'x')).toThrow('No page has the slot night-cramps/en');
	});
});
