// A source as a reader in one language sees it: the title in their language, and the
// original title beside it when the source is written in the other one.
import type { Lang, Source } from './schema';

export type SourceView = {
	id: string;
	title: string;
	/** The title as published, when the source is not in the reader's language. */
	original?: { lang: Lang; title: string };
	publisher: string;
	year?: number;
	url?: string;
	citedFor: string;
};

const titleIn = (source: Source, lang: Lang) => (lang === 'ru' ? source.titleRu : source.title);

export function sourceView(source: Source, lang: Lang): SourceView {
	return {
		id: source.id,
		title: titleIn(source, lang),
		original: source.language === lang ? undefined : { lang: source.language, title: titleIn(source, source.language) },
		publisher: source.publisher,
		year: source.year,
		url: source.url,
		citedFor: source.citedFor[lang]
	};
}
