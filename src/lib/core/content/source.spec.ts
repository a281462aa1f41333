import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../server/content-files';
import { formatContentErrors, parseLibrary } from './library';
import { sourceSchema } from './schema';
import { sourceView } from './source';

const english = sourceSchema.parse({
	id: 'nhs-leg-cramps',
	title: 'Leg cramps',
	titleRu: 'Судороги в ногах',
	publisher: 'NHS',
	url: 'https://www.nhs.uk/conditions/leg-cramps/',
	citedFor: { en: 'When to see a GP.', ru: 'Когда идти к терапевту.' }
});
const russian = sourceSchema.parse({
	id: 'original',
	title: 'Calf cramps',
	titleRu: 'Судороги в икрах',
	language: 'ru',
	publisher: 'FitNavigator',
	citedFor: { en: 'The causes.', ru: 'Причины.' }
});

describe('sourceView', () => {
	it('shows an English source to a Russian reader in Russian, with the original title beside it', () => {
		expect(sourceView(english, 'ru')).toMatchObject({
			title: 'Судороги в ногах',
			original: { lang: 'en', title: 'Leg cramps' },
			citedFor: 'Когда идти к терапевту.'
		});
	});

	it('shows a source in the reader’s own language without a second title', () => {
		expect(sourceView(english, 'en')).toMatchObject({ title: 'Leg cramps', original: undefined, citedFor: 'When to see a GP.' });
		expect(sourceView(russian, 'ru')).toMatchObject({ title: 'Судороги в икрах', original: undefined });
	});

	it('gives a Russian source to an English reader with its Russian title as the original', () => {
		expect(sourceView(russian, 'en')).toMatchObject({ title: 'Calf cramps', original: { lang: 'ru', title: 'Судороги в икрах' }, url: undefined });
	});

	it('takes English as a source’s language unless it says otherwise', () => {
		expect(english.language).toBe('en');
	});
});

describe('the sources in content/', () => {
	const parsed = parseLibrary(readContentFiles(process.cwd()));
	if (!parsed.ok) throw new Error(formatContentErrors(parsed.error));
	const sources = [...parsed.value.sources.values()];

	const linked = sources.flatMap((s) => (s.url ? [[s.id, new URL(s.url)] as const] : []));

	it.each(linked)('%s links the document itself, never a site’s home page', (_, url) => {
		expect(url.protocol).toBe('https:');
		expect(url.pathname.replace(/\/$/, ''), url.href).not.toBe('');
	});

	it('cites the current edition of the Cochrane review of non-drug treatments in every guide', () => {
		for (const guide of parsed.value.guides) expect(guide.sources, guide.slug).not.toContain('cochrane-nondrug-2012');
	});
});
