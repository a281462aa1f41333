// adapter-node reads how it sees a request (origin, client address) from its own
// environment variables; server.js only reads them. The launchers (`npm start`, the
// Playwright and resilience harnesses, the benchmarks) fill them in with adapterEnv.

/** The header server.js sets on each request to say its socket is plain http (a client's copy is overwritten). */
export const SOCKET_PROTOCOL_HEADER = 'x-fitnavigator-proto';

/**
 * The environment to start server.js with: `env` plus what adapter-node needs.
 * - Given neither ORIGIN nor PROTOCOL_HEADER, adapter-node would assume https and refuse
 *   every form posted over plain http; the origin's protocol is then the socket's own.
 * - TRUST_PROXY=N (N proxies in front): the client is the Nth address from the right of
 *   X-Forwarded-For, the one the nearest proxy saw, which a client cannot forge by
 *   sending its own header. Unset, the client is the socket's address.
 * @param {Record<string, string | undefined>} env
 * @returns {Record<string, string | undefined>}
 */
export function adapterEnv(env) {
	const out = { ...env };
	if (!env.ORIGIN && !env.PROTOCOL_HEADER) out.PROTOCOL_HEADER = SOCKET_PROTOCOL_HEADER;
	if (env.TRUST_PROXY) {
		const hops = Number(env.TRUST_PROXY);
		if (!/^\d+$/.test(env.TRUST_PROXY) || !Number.isSafeInteger(hops) || hops < 1)
			throw new Error(`TRUST_PROXY must be the number of proxies in front (1, 2, …), not "${env.TRUST_PROXY}"`);
		if (env.ADDRESS_HEADER || env.XFF_DEPTH) throw new Error('Set TRUST_PROXY or ADDRESS_HEADER/XFF_DEPTH, not both');
		out.ADDRESS_HEADER = 'x-forwarded-for';
		out.XFF_DEPTH = String(hops);
	}
	return out;
}
