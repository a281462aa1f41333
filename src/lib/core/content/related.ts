// "Related guides" is computed from the content itself, so a new guide finds its
// neighbours without anyone editing a list: shared tags weigh most, then how much
// of the English wording the two guides share.
import type { Guide } from './schema';

const TAG_WEIGHT = 0.6;
const TEXT_WEIGHT = 0.4;
const STOP = new Set(['the', 'and', 'for', 'you', 'your', 'with', 'that', 'this', 'are', 'can', 'not', 'but', 'from', 'have', 'when', 'more', 'into', 'they', 'them', 'what', 'will', 'may', 'its', 'their', 'than', 'then', 'also', 'out', 'one', 'get', 'all']);

function words(guide: Guide): Map<string, number> {
	const text = [guide.title.en, guide.summary.en, ...guide.sections.flatMap((s) => [s.heading.en, s.body?.en ?? ''])].join(' ');
	const counts = new Map<string, number>();
	for (const w of text.toLowerCase().match(/[a-z]{3,}/g) ?? []) {
		if (!STOP.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
	}
	return counts;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
	let dot = 0;
	for (const [w, n] of a) dot += n * (b.get(w) ?? 0);
	const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((s, n) => s + n * n, 0));
	const d = norm(a) * norm(b);
	return d ? dot / d : 0;
}

function jaccard(a: string[], b: string[]): number {
	const sa = new Set(a);
	const inter = b.filter((t) => sa.has(t)).length;
	const union = new Set([...a, ...b]).size;
	return union ? inter / union : 0;
}

export type Relation = { slug: string; score: number };

/** Up to `limit` other guides, most related first; never the guide itself. */
export function relatedGuides(guides: Guide[], slug: string, limit = 4): Relation[] {
	const self = guides.find((g) => g.slug === slug);
	if (!self) return [];
	const selfWords = words(self);
	return guides
		.filter((g) => g.slug !== slug)
		.map((g) => ({ slug: g.slug, score: TAG_WEIGHT * jaccard(self.tags, g.tags) + TEXT_WEIGHT * cosine(selfWords, words(g)) }))
		.filter((r) => r.score > 0)
		.sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug))
		.slice(0, limit);
}
