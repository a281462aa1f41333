// The diary's charts (examples in testing.ts): twelve weekly bars whatever the diary holds,
// each chart named and summed up in one sentence, the per-entry charts only once there are entries.
import { describe, expect, it } from 'vitest';
import type { Episode } from '$lib/core/diary/episode';
import { t } from '$lib/i18n';
import { escaped, hasClass, html, patternChartsExamples } from '../testing';

describe('PatternCharts', () => {
	it.each(patternChartsExamples.map((e) => [e.name, e] as const))('%s', (_, example) => {
		const { lang } = example;
		const episodes = example.props.episodes as Episode[];
		const body = html(example);
		expect(body.match(/<rect class="bar[ "]/g)).toHaveLength(12);
		// Every drawing is an image named by its heading and its summary sentence.
		const svgs = [...body.matchAll(/<svg [^>]*>/g)].map((m) => m[0]);
		expect(svgs.length).toBeGreaterThan(0);
		expect(svgs.every((svg) => /role="img" aria-labelledby="chart-[a-z-]+ chart-[a-z-]+-summary"/.test(svg))).toBe(true);
		expect(body.includes(escaped(t(lang, 'diary.charts.none')))).toBe(episodes.length === 0);
		expect(body.includes('id="chart-duration"')).toBe(episodes.length > 0);
		expect(hasClass(body, 'charts')).toBe(true);
	});
});
