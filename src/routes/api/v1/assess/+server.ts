import { json } from '@sveltejs/kit';
import { assessmentInputSchema } from '$lib/core/assessment/input';
import { assessmentAnswer } from '$lib/server/assessment';
import { readJson, withCors } from '$lib/server/http';
import { ruleSetStatus } from '$lib/server/desk/reviews';
import type { RequestHandler } from './$types';

// Public and stateless: the answers are not stored, so any site may call it.
export const POST: RequestHandler = async ({ request }) => {
	const body = await readJson(request, assessmentInputSchema);
	// Which rule set answered, and whether a clinician signed that version (the editorial desk).
	return withCors(body.ok ? json({ ...assessmentAnswer(body.value), ruleSet: ruleSetStatus() }) : body.error);
};

export const OPTIONS: RequestHandler = () => withCors(new Response(null, { status: 204 }));
