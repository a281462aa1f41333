// What the launchers hand server.js: adapter-node's own variables, filled in from ours and
// never changed once given (server.js itself only reads them).
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { adapterEnv, SOCKET_PROTOCOL_HEADER } from '../../serving/adapter-env.js';

const ADAPTER = ['ORIGIN', 'PROTOCOL_HEADER', 'HOST_HEADER', 'ADDRESS_HEADER', 'XFF_DEPTH'] as const;
const maybe = fc.option(fc.string(), { nil: undefined });
/** Any mix of adapter-node's variables and others, without TRUST_PROXY. */
const anyEnv = fc.record(
	{ ORIGIN: maybe, PROTOCOL_HEADER: maybe, HOST_HEADER: maybe, ADDRESS_HEADER: maybe, XFF_DEPTH: maybe, PORT: maybe, OTHER: maybe },
	{ requiredKeys: [] }
);

describe('adapterEnv', () => {
	test.prop([anyEnv])('[S-07.2] keeps every variable it was given and adds only what was missing', (env) => {
		const out = adapterEnv(env);
		for (const [name, value] of Object.entries(env)) if (value) expect(out[name]).toBe(value);
		for (const name of ADAPTER) if (!env[name]) expect([undefined, '', SOCKET_PROTOCOL_HEADER]).toContain(out[name]);
	});

	test.prop([anyEnv])('[S-07.2] plain http is the socket’s own protocol only when no origin or protocol header is named', (env) => {
		const named = Boolean(env.ORIGIN || env.PROTOCOL_HEADER);
		expect(adapterEnv(env).PROTOCOL_HEADER === SOCKET_PROTOCOL_HEADER).toBe(named ? env.PROTOCOL_HEADER === SOCKET_PROTOCOL_HEADER : true);
	});

	test.prop([anyEnv.map((env) => ({ ...env, ADDRESS_HEADER: undefined, XFF_DEPTH: undefined })), fc.integer({ min: 1, max: 1_000_000 })])(
		'[S-07.2] TRUST_PROXY=N reads the client from the Nth address from the right of X-Forwarded-For',
		(env, hops) => {
			const out = adapterEnv({ ...env, TRUST_PROXY: String(hops) });
			expect(out.ADDRESS_HEADER).toBe('x-forwarded-for');
			expect(out.XFF_DEPTH).toBe(String(hops));
		}
	);

	test.prop([anyEnv.map((env) => ({ ...env, ADDRESS_HEADER: undefined, XFF_DEPTH: undefined }))])(
		'[S-07.2] without TRUST_PROXY the forwarding header is not read: the client is the socket',
		(env) => {
			const out = adapterEnv(env);
			expect(out.ADDRESS_HEADER).toBeUndefined();
			expect(out.XFF_DEPTH).toBeUndefined();
		}
	);

	test.prop([
		fc.oneof(
			fc.integer({ max: 0 }).map(String),
			fc.double({ noInteger: true, noDefaultInfinity: true }).map(String),
			fc.string({ minLength: 1 }).filter((s) => !/^\d+$/.test(s))
		)
	])('[S-07.2] any TRUST_PROXY that is not a count of proxies stops the start', (value) => {
		expect(() => adapterEnv({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
	});

	test.prop([fc.integer({ min: 1, max: 9 }), fc.constantFrom({ ADDRESS_HEADER: 'x-real-ip' }, { XFF_DEPTH: '2' })])(
		'[S-07.2] TRUST_PROXY next to adapter-node’s own address settings is refused, not silently preferred',
		(hops, own) => {
			expect(() => adapterEnv({ TRUST_PROXY: String(hops), ...own })).toThrow(/not both/);
		}
	);
});
