// The vote path before SvelteKit (vote-link.ts): the client's address as adapter-node gives
// it, and which requests it takes (JSON with a declared length within the limit) and hands,
// body and all, to the route's handler; everything else stays SvelteKit's, body unread.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestEvent } from '@sveltejs/kit';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from './http';
import { clientAddress, nodeVotes } from './vote-link';

const request = (headers: http.IncomingHttpHeaders, remoteAddress = '192.0.2.7') =>
	({ headers, socket: { remoteAddress } }) as unknown as http.IncomingMessage;
const address = fc.oneof(fc.ipV4(), fc.ipV6());

describe('clientAddress (adapter-node’s getClientAddress)', () => {
	it('is the socket’s address when no header is configured', () => {
		fc.assert(fc.property(address, (ip) => clientAddress(request({}, ip), '') === ip));
	});

	it('is the depth-th address from the right of X-Forwarded-For, trimmed, and throws when there are fewer', () => {
		fc.assert(
			fc.property(fc.array(address, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 8 }), (chain, depth) => {
				const req = request({ 'x-forwarded-for': chain.join(' , ') });
				const got = (() => {
					try {
						return clientAddress(req, 'x-forwarded-for', depth);
					} catch {
						return 'thrown';
					}
				})();
				expect(got).toBe(depth > chain.length ? 'thrown' : chain[chain.length - depth]);
			})
		);
	});

	it('throws when the configured header is absent, and gives another header’s value as it is', () => {
		fc.assert(
			fc.property(address, (ip) => {
				expect(() => clientAddress(request({}), 'x-forwarded-for', 1)).toThrow();
				expect(clientAddress(request({ 'x-real-ip': ip }), 'x-real-ip', 1)).toBe(ip);
			})
		);
	});
});

describe('nodeVotes', () => {
	type Seen = { slug: string; body: string; type: string | null; client: string };
	let server: http.Server;
	let url: string;
	const seen: Seen[] = [];
	const handler = nodeVotes(async (event: RequestEvent<{ slug: string }>) => {
		seen.push({
			slug: event.params.slug,
			body: await event.request.text(),
			type: event.request.headers.get('content-type'),
			client: event.getClientAddress()
		});
		return new Response('taken', { status: 201 });
	});

	beforeAll(async () => {
		server = http.createServer((req, res) => {
			const answer = handler('calf-cramps', req);
			if (answer) void answer.then(async (r) => res.writeHead(r.status).end(await r.text()));
			// Left to the framework: the body is still there to read.
			else req.setEncoding('utf8').once('data', (d: string) => res.writeHead(200).end(`left: ${d.length}`));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/guides/calf-cramps/feedback`;
	});
	afterAll(() => new Promise((resolve) => server.close(resolve)));

	it('hands a JSON vote with a declared length to the route with its body, slug and client', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.string({ minLength: 1, maxLength: 300 }),
				fc.constantFrom('application/json', 'application/json; charset=utf-8', 'Application/JSON'),
				async (text, type) => {
					seen.length = 0;
					const res = await fetch(url, { method: 'POST', headers: { 'content-type': type }, body: text });
					expect([res.status, await res.text()]).toEqual([201, 'taken']);
					expect(seen).toEqual([{ slug: 'calf-cramps', body: text, type, client: '127.0.0.1' }]);
				}
			),
			{ numRuns: 25 }
		);
	});

	it('leaves a form type, a chunked body and one over the limit to SvelteKit, unread', async () => {
		seen.length = 0;
		const left = async (init: RequestInit) => (await (await fetch(url, { method: 'POST', ...init })).text()).startsWith('left: ');
		for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx'])
			expect(await left({ headers: { 'content-type': type }, body: '{}' }), type).toBe(true);
		const chunked = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('{}')), c.close()) });
		expect(await left({ headers: { 'content-type': 'application/json' }, body: chunked, duplex: 'half' } as RequestInit)).toBe(true);
		expect(await left({ headers: { 'content-type': 'application/json' }, body: 'x'.repeat(BODY_LIMIT + 1) })).toBe(true);
		expect(seen).toEqual([]);
	});
});
