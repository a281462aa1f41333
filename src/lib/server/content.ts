// The content library as the server uses it: bundled into the build from content/,
// validated once at start-up, markdown rendered on demand.
import { formatContentErrors, mainGuide, parseLibrary, type Library } from '../core/content/library';
import { relatedGuides } from '../core/content/related';
import type { Lang } from '../core/content/schema';
import { get } from '../core/content/id';
import { exerciseView, guideSummary, guideView, type ExerciseView, type GuideSummary, type GuideView } from '../core/content/view';
import { firstAidView, type FirstAidView } from '../core/first-aid/view';
import { renderInline, renderMarkdown } from './markdown';

const files = import.meta.glob('/content/**/*.{yaml,yml}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function load(): Library {
	const result = parseLibrary(Object.entries(files).map(([path, text]) => ({ path: path.slice(1), text })));
	if (!result.ok) throw new Error(`Invalid content:\n${formatContentErrors(result.error)}`);
	return result.value;
}

export const library: Library = load();

/** The guide content marks `main: true`: the self-check and first aid link to it, offline keeps it. */
export const mainGuideSlug = mainGuide(library);

export const guideSlugs = (): string[] => library.guides.map((g) => g.slug);

export const findGuide = (slug: string) => library.guides.find((g) => g.slug === slug);

export const listGuides = (lang: Lang): GuideSummary[] => library.guides.map((g) => guideSummary(g, lang));

/** The guide for a page: markdown rendered to sanitised HTML. */
export function guidePage(slug: string, lang: Lang): { guide: GuideView; related: GuideSummary[] } | undefined {
	const guide = findGuide(slug);
	if (!guide) return undefined;
	const related = relatedGuides(library.guides, slug).map((r) => guideSummary(findGuide(r.slug)!, lang));
	return { guide: guideView(library, guide, lang, renderMarkdown), related };
}

/** The guide for the JSON API: markdown left as markdown for the caller to render. */
export function guideData(slug: string, lang: Lang): GuideView | undefined {
	const guide = findGuide(slug);
	return guide && guideView(library, guide, lang, (md) => md);
}

/** Guided first aid in one language, card Markdown rendered to HTML. */
export const firstAidPage = (lang: Lang): FirstAidView => firstAidView(library, lang, renderMarkdown);

/** The learn-before-you-swim card: never a timer, since nobody holds a phone while swimming. */
export const waterCard = (lang: Lang): ExerciseView => exerciseView(get(library.exercises, 'water-release'), lang, renderMarkdown);

/** The emergency numbers as inline HTML tel: links, from the one phrase that holds them. */
export const emergencyNumbers = (lang: Lang): string => renderInline(get(library.phrases, 'emergency-numbers').text[lang]);
