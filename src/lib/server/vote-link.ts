// Votes answered before SvelteKit. server.js hands a POST /api/v1/guides/:slug/feedback to
// the handler made here (through serving/link.js), and the API route's own POST answers it:
// the guide check, the body's rules, the limit and the statement stay the route's, with
// nothing copied. What a vote skips is the framework's work around the route (the request's
// body stream, routing, hooks, the response's stream), the largest part of a vote's CPU
// in the profile (docs/scaling.md). Anything unusual still goes the framework's way.
import type { IncomingMessage } from 'node:http';
import type { RequestEvent } from '@sveltejs/kit';
import type { VoteHandler } from '@fitnavigator/serving/link';
import { env } from '$env/dynamic/private';
import { BODY_LIMIT } from './http';

/**
 * The client's address as adapter-node gives it to `getClientAddress` (its ADDRESS_HEADER
 * and XFF_DEPTH, which the launcher sets: serving/adapter-env.js), throwing where it throws.
 */
export function clientAddress(
	req: IncomingMessage,
	header = (env.ADDRESS_HEADER ?? '').toLowerCase(),
	depth = Number(env.XFF_DEPTH || 1)
): string {
	if (!header) return req.socket.remoteAddress ?? '';
	const value = req.headers[header];
	if (value === undefined) throw new Error(`The address header ${header} is absent from the request`);
	if (header !== 'x-forwarded-for') return String(value);
	const addresses = String(value).split(',');
	if (depth > addresses.length) throw new Error(`XFF_DEPTH is ${depth}, but only ${addresses.length} addresses were sent`);
	return addresses[addresses.length - depth].trim();
}

function bodyOf(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
	return new Promise((resolve, reject) => {
		const chunks: Uint8Array[] = [];
		req.on('data', (chunk: Uint8Array) => chunks.push(chunk));
		// A copy of a few dozen bytes, in the type Request takes.
		req.once('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
		req.once('error', reject);
		req.once('aborted', () => reject(new Error('The client went away before its body arrived')));
	});
}

/** JSON only: the form content types are left to SvelteKit, whose CSRF check answers them. */
const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * The vote handler for server.js: a JSON vote with a declared length within the API's
 * limit (what the widget and every client sends) is read here and answered by `post`;
 * any other (a form type, chunked, too long) is left to SvelteKit, which answers it as before.
 */
export function nodeVotes<Event extends RequestEvent>(post: (event: Event) => Response | Promise<Response>): VoteHandler {
	return (slug, req) => {
		const length = Number(req.headers['content-length']);
		if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) return undefined;
		if (req.headers['transfer-encoding'] !== undefined || !Number.isInteger(length) || length > BODY_LIMIT) return undefined;
		return bodyOf(req).then((body) => {
			const headers = new Headers();
			for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
			const request = new Request(`http://localhost${req.url}`, { method: 'POST', headers, body });
			// The route reads params, request and the client's address; nothing else of the event.
			const event = { params: { slug }, request, getClientAddress: () => clientAddress(req), platform: { req } };
			return post(event as unknown as Event);
		});
	};
}
