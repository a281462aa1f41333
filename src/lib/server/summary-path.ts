// GET /api/v1/guides/:slug/feedback/summary answered before SvelteKit's request path, the
// way server.js answers prerendered pages: the database spends ~0.05 ms on it (a few rows
// of feedback_counts), SvelteKit's own request handling costs far more, and a guide page
// may ask for it on every view. The answer is read fresh each time, so it is never stale:
// a vote, on this instance or another, shows in the next summary. The SvelteKit route of
// the same path stays (the dev server, and anything that arrives without server.js).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { findGuide } from './content';
import { withDatabase } from './db/unavailable';
import { feedbackSummary } from './feedback';
import { apiError, serviceUnavailable } from './http';

const SUMMARY_PATH = /^\/api\/v1\/guides\/([^/?]+)\/feedback\/summary(?:\?.*)?$/;
/** The route id server.js logs and counts the request under (SvelteKit's id for the same route). */
export const SUMMARY_ROUTE = '/api/v1/guides/[slug]/feedback/summary';
const ROUTE_ID = Symbol.for('fitnavigator.routeId');

async function send(res: ServerResponse, answer: Response, head: boolean) {
	res.writeHead(answer.status, Object.fromEntries(answer.headers));
	res.end(head ? undefined : await answer.text());
}

async function answer(slug: string): Promise<Response> {
	if (!findGuide(slug)) return apiError(404, 'not_found', `No guide "${slug}"`);
	const summary = await withDatabase((db) => feedbackSummary(db, slug));
	return summary.ok ? Response.json(summary.value) : serviceUnavailable();
}

/**
 * Answers the request if it asks for a guide's feedback summary; returns false (sending
 * nothing) otherwise. An unexpected failure answers 500, as SvelteKit would.
 */
export function serveSummary(req: IncomingMessage & { [ROUTE_ID]?: string }, res: ServerResponse): boolean {
	if (req.method !== 'GET' && req.method !== 'HEAD') return false;
	const match = SUMMARY_PATH.exec(req.url ?? '');
	if (!match) return false;
	req[ROUTE_ID] = SUMMARY_ROUTE;
	let slug: string;
	try {
		slug = decodeURIComponent(match[1]);
	} catch {
		slug = match[1];
	}
	const head = req.method === 'HEAD';
	answer(slug)
		.then((a) => send(res, a, head))
		.catch((e: unknown) => {
			console.error(e);
			if (!res.headersSent) void send(res, apiError(500, 'internal', 'Internal error'), head);
			else res.destroy();
		});
	return true;
}
