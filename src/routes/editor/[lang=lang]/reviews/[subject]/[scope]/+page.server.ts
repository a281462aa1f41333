import { error, fail } from '@sveltejs/kit';
import { fieldChanges } from '$lib/core/desk/changes';
import { fieldProblem, formProblems } from '$lib/core/desk/form-problems';
import { signOffForm, signOffLabels } from '$lib/core/desk/forms';
import { changedHunks, lineDiff } from '$lib/core/desk/review';
import { can, reviewPermission } from '$lib/core/desk/roles';
import type { Lang } from '$lib/core/content/schema';
import { guidePage } from '$lib/server/content';
import { appDatabase } from '$lib/server/db/app';
import { requireDesk } from '$lib/server/desk/access';
import { findServed, ReviewError, signedText, signOff, statuses } from '$lib/server/desk/reviews';
import { reviewLine } from '$lib/server/desk/reviews/line';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, locals }) => {
	requireDesk(locals, 'review');
	const served = findServed(params.subject, params.scope);
	if (!served) error(404, 'Not found');
	const status = statuses().find((s) => s.subject === params.subject && s.lang === params.scope)!;
	const signed = await signedText((await appDatabase()).db, params.subject, params.scope);
	const changed = signed && signed.hash !== served.version.hash;
	const user = locals.desk!;
	const guide = guidePage(params.subject, params.scope as Lang)?.guide;
	return {
		title: served.title,
		scope: params.scope,
		state: status.state,
		hash: served.version.hash,
		latest: status.latest && {
			name: status.latest.name,
			specialty: status.latest.specialty,
			on: status.latest.signedAt.toISOString().slice(0, 10)
		},
		maySign: can(user.role, reviewPermission(params.subject)),
		// A guide is signed as its readers see it: the page, what changed in it, and its review line after signing.
		guide: guide && {
			view: guide,
			publicPath: `/${guide.lang}/guides/${guide.slug}`,
			afterSigning: reviewLine(guide.lang, guide.updatedOn, {
				hash: served.version.hash,
				name: user.name,
				specialty: user.specialty,
				signedAt: new Date()
			}),
			changes: changed ? fieldChanges(signed.text, served.version.text) : undefined
		},
		// The rule set and the hazard log are read as their text.
		text: guide ? undefined : served.version.text,
		diff: !guide && changed ? changedHunks(lineDiff(signed.text, served.version.text)) : undefined
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, params, locals }) => {
		requireDesk(locals, 'review');
		const parsed = signOffForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problems: formProblems(parsed.error, signOffLabels) });
		try {
			await signOff((await appDatabase()).db, locals.desk!, params.subject, params.scope, parsed.data.hash, parsed.data.note);
		} catch (e) {
			if (e instanceof ReviewError)
				return fail(e.status, {
					problems: [fieldProblem(e.field, signOffLabels[e.field as 'hash'] ?? 'editor.problem.theForm', e.problem)]
				});
			throw e;
		}
		return { signed: true };
	}
} satisfies Actions;
