import { statuses } from '$lib/server/desk/reviews';
import { requireDesk } from '$lib/server/desk/access';
import type { PageServerLoad } from './$types';

export const load = (({ locals }) => {
	requireDesk(locals, 'review');
	return {
		subjects: statuses().map((s) => ({
			subject: s.subject,
			scope: s.lang,
			title: s.title,
			state: s.state,
			clinical: s.clinical,
			hash: s.version.hash.slice(0, 12),
			signed: s.latest && { name: s.latest.name, on: s.latest.signedAt.toISOString().slice(0, 10) }
		}))
	};
}) satisfies PageServerLoad;
