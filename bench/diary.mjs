#!/usr/bin/env node
// Diary statistics + the pattern monitor over 5,000 episodes, in-process, on the real
// content library (the monitor runs the self-check's engine). Budget: ≤ 20 ms for both.
// Usage: node bench/diary.mjs [--episodes 5000 --runs 30]
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { round, save, table } from './lib.mjs';

const { values } = parseArgs({ options: { episodes: { type: 'string', default: '5000' }, runs: { type: 'string', default: '30' } } });
const COUNT = Number(values.episodes);
const RUNS = Number(values.runs);
const BUDGET_MS = 20;

const vite = await createServer({ configFile: false, logLevel: 'error', server: { middlewareMode: true }, appType: 'custom' });
try {
	const load = (path) => vite.ssrLoadModule(path);
	const { parseLibrary } = await load('/src/lib/core/content/library.ts');
	const { readContentFiles } = await load('/src/lib/server/content-files.ts');
	const { monitor } = await load('/src/lib/core/diary/monitor.ts');
	const { summarize, weeklyCounts, adherence, within } = await load('/src/lib/core/diary/stats.ts');
	const { addDays } = await load('/src/lib/core/diary/episode.ts');
	const { SITUATIONS, FACTORS, SIGNS } = await load('/src/lib/core/content/schema.ts');
	const parsed = parseLibrary(readContentFiles(process.cwd()));
	if (!parsed.ok) throw new Error('content is invalid');
	const lib = parsed.value;

	// A fixed pseudo-random diary: about 1.4 cramps a day over 10 years, some long, a few
	// with factors and signs, so the monitor has windows that fire and windows that do not.
	let seed = 42;
	const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
	const pick = (list) => list[Math.floor(rand() * list.length)];
	const today = '2026-03-01';
	const days = 3650;
	const episodes = Array.from({ length: COUNT }, (_, i) => ({
		version: 1,
		id: `bench-${i}`,
		day: addDays(today, -Math.floor(rand() * days)),
		time: `${String(Math.floor(rand() * 24)).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}`,
		offsetMinutes: 180,
		leg: pick(['left', 'right', 'both']),
		muscle: 'calf',
		durationMinutes: rand() < 0.15 ? 10 + Math.round(rand() * 20) : 1 + Math.round(rand() * 8),
		intensity: Math.floor(rand() * 11),
		situation: pick(SITUATIONS),
		factors: rand() < 0.3 ? [pick(FACTORS)] : [],
		signs: rand() < 0.02 ? [pick(SIGNS)] : [],
		note: '',
		origin: 'diary'
	}));
	const plan = { version: 1, lang: 'en', createdOn: addDays(today, -365), measures: ['calf-stretch'], doctorFirst: false, ticks: {} };
	for (let d = 0; d < 365; d += 1) if (rand() < 0.6) plan.ticks[addDays(today, -d)] = ['calf-stretch'];

	const recent = within(episodes, addDays(today, -27), today);
	const cases = {
		'statistics (summary, 12 weeks, plan adherence), all episodes': () => {
			summarize(episodes);
			weeklyCounts(episodes, today, 12);
			adherence(episodes, plan, today);
		},
		'monitor, all episodes (10 years)': () => monitor(lib, episodes, 'en'),
		[`monitor, last 4 weeks (${recent.length} episodes, as the diary page)`]: () => monitor(lib, recent, 'en'),
		'statistics + monitor, all episodes': () => {
			summarize(episodes);
			weeklyCounts(episodes, today, 12);
			adherence(episodes, plan, today);
			monitor(lib, episodes, 'en');
		}
	};
	const rows = [];
	const results = {};
	for (const [name, run] of Object.entries(cases)) {
		for (let i = 0; i < 3; i++) run(); // warm up the JIT
		const times = [];
		for (let i = 0; i < RUNS; i++) {
			const start = performance.now();
			run();
			times.push(performance.now() - start);
		}
		times.sort((a, b) => a - b);
		const median = round(times[Math.floor(RUNS / 2)], 2);
		const p95 = round(times[Math.floor(RUNS * 0.95)], 2);
		results[name] = { medianMs: median, p95Ms: p95 };
		rows.push({ case: name, 'median ms': median, 'p95 ms': p95 });
	}
	table(`Diary over ${COUNT} episodes (${RUNS} runs each)`, rows);
	const total = results['statistics + monitor, all episodes'].medianMs;
	const budgets = { [`statistics + monitor ≤ ${BUDGET_MS} ms`]: total <= BUDGET_MS };
	console.log('Budgets:', budgets);
	save('diary', { episodes: COUNT, runs: RUNS, results, budgets });
	if (!Object.values(budgets).every(Boolean)) process.exitCode = 1;
} finally {
	await vite.close();
}
