import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { changedHunks, lineDiff } from '$lib/core/desk/review';
import { can, reviewPermission } from '$lib/core/desk/roles';
import { appDatabase } from '$lib/server/db/app';
import { requireDesk } from '$lib/server/desk/access';
import { findServed, ReviewError, signedText, signOff, statuses } from '$lib/server/reviews';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, locals }) => {
	requireDesk(locals, 'review');
	const served = findServed(params.subject, params.scope);
	if (!served) error(404, 'Not found');
	const status = statuses().find((s) => s.subject === params.subject && s.lang === params.scope)!;
	const signed = await signedText((await appDatabase()).db, params.subject, params.scope);
	return {
		title: served.title,
		scope: params.scope,
		state: status.state,
		hash: served.version.hash,
		text: served.version.text,
		latest: status.latest && {
			name: status.latest.name,
			specialty: status.latest.specialty,
			on: status.latest.signedAt.toISOString().slice(0, 10)
		},
		diff: signed && signed.hash !== served.version.hash ? changedHunks(lineDiff(signed.text, served.version.text)) : undefined,
		maySign: can(locals.desk!.role, reviewPermission(params.subject))
	};
}) satisfies PageServerLoad;

const signOffForm = z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/), note: z.string().trim().max(2000).default('') });

export const actions = {
	default: async ({ request, params, locals }) => {
		requireDesk(locals, 'review');
		const parsed = signOffForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { field: String(parsed.error.issues[0].path[0]), message: parsed.error.issues[0].message });
		try {
			await signOff((await appDatabase()).db, locals.desk!, params.subject, params.scope, parsed.data.hash, parsed.data.note);
		} catch (e) {
			if (e instanceof ReviewError) return fail(e.status, { field: e.field, message: e.message });
			throw e;
		}
		return { signed: true };
	}
} satisfies Actions;
