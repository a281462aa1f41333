import { statuses } from '$lib/server/reviews';
import type { PageServerLoad } from './$types';

export const load = (() => ({
	subjects: statuses().map((s) => ({
		subject: s.subject,
		scope: s.lang,
		title: s.title,
		state: s.state,
		clinical: s.clinical,
		hash: s.version.hash.slice(0, 12),
		signed: s.latest && { name: s.latest.name, on: s.latest.signedAt.toISOString().slice(0, 10) }
	}))
})) satisfies PageServerLoad;
