// The diary's entry form, new and editing (examples in testing.ts): it opens on the entry's own
// answers, every choice has its label, and only an edit can be cancelled.
import { describe, expect, it } from 'vitest';
import type { DiaryChoices } from '$lib/core/diary/choices';
import type { Episode } from '$lib/core/diary/episode';
import { t } from '$lib/i18n';
import { episodeFormExamples, escaped, html } from '../testing';

/** The values of the checked inputs named `name`, in order. */
const checked = (body: string, name: string) =>
	[...body.matchAll(new RegExp(`<input type="(?:radio|checkbox)" name="${name}" value="([^"]+)"[^>]* checked`, 'g'))].map((m) => m[1]);

describe('EpisodeForm', () => {
	it.each(episodeFormExamples.map((e) => [e.name, e] as const))('%s', (_, example) => {
		const { lang } = example;
		const episode = example.props.episode as Episode;
		const choices = example.props.choices as DiaryChoices;
		const body = html(example);
		expect(body).toContain(`<h2 id="episode-form-title" tabindex="-1">${escaped(example.props.heading as string)}</h2>`);
		expect(checked(body, 'leg')).toEqual([episode.leg]);
		expect(checked(body, 'muscle')).toEqual([episode.muscle]);
		expect(checked(body, 'situation')).toEqual([episode.situation]);
		expect(checked(body, 'signs')).toEqual(choices.signs.map((s) => s.id).filter((id) => episode.signs.includes(id as never)));
		expect(checked(body, 'factors')).toEqual(choices.factors.map((f) => f.id).filter((id) => episode.factors.includes(id as never)));
		for (const choice of [...choices.situations, ...choices.signs, ...choices.factors]) expect(body).toContain(`value="${choice.id}"`);
		expect(body).toContain(`>${escaped(episode.note)}</textarea>`);
		expect(body.includes(`>${t(lang, 'diary.log.cancel')}</button>`)).toBe(Boolean(example.props.oncancel));
	});
});
