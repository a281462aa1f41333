import { error } from '@sveltejs/kit';
import { fieldChanges } from '$lib/core/desk/changes';
import { signOffForm, signOffLabels } from '$lib/core/desk/forms';
import { changedHunks, lineDiff } from '$lib/core/desk/review';
import { can, reviewPermission } from '$lib/core/desk/roles';
import type { Lang } from '$lib/core/content/schema';
import { guidePage } from '$lib/server/content';
import { appDatabase } from '$lib/server/db/app';
import { requireDesk } from '$lib/server/desk/access';
import { invalidForm, refusedForm, type RefusalText } from '$lib/server/desk/form';
import { findServed, signedText, signOff, statuses, type ReviewRefusal } from '$lib/server/desk/reviews';
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

/** A refused sign-off in the desk's words. */
function refusalText(refusal: ReviewRefusal): RefusalText {
	switch (refusal.code) {
		case 'not-served':
			return { status: 404, problem: 'editor.problem.notServed' };
		case 'clinician-only':
			return { status: 403, problem: 'editor.problem.clinicianOnly' };
		case 'other-language':
			return { status: 409, problem: `editor.problem.otherLanguage.${refusal.other}` };
		case 'text-changed':
			return { status: 409, problem: 'editor.problem.textChanged' };
	}
}

export const actions = {
	default: async ({ request, params, locals }) => {
		requireDesk(locals, 'review');
		const parsed = signOffForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return invalidForm(parsed.error, signOffLabels);
		const signed = await signOff((await appDatabase()).db, locals.desk!, params.subject, params.scope, parsed.data.hash, parsed.data.note);
		if (!signed.ok) return refusedForm(signed, refusalText(signed), signOffLabels);
		return { signed: true };
	}
} satisfies Actions;
