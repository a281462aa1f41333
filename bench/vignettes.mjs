#!/usr/bin/env node
// The public triage benchmark: runs the self-check's engine over bench/vignettes.json (cases
// written from NHS and NICE CKS pages, each with the level the page gives) in English and in
// Russian, and reports exact, safe, under- and over-triage as symptom-checker studies do.
// An input the engine's schema refuses (an id this build does not know) is listed, not run.
// Exits non-zero when any answer is unsafe or any input is invalid.
// Usage: npm run bench:vignettes [-- --markdown]  (--markdown prints the table for docs/triage-accuracy.md)
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { withEngine } from './lib.mjs';
import { byLevel, score } from './vignettes-score.mjs';

const { values } = parseArgs({ options: { markdown: { type: 'boolean', default: false } } });
const data = JSON.parse(readFileSync(new URL('./vignettes.json', import.meta.url), 'utf8'));
const LANGS = ['en', 'ru'];

const results = [];
const invalid = [];
await withEngine(({ lib, assess, assessmentInputSchema }) => {
	for (const v of data.vignettes)
		for (const lang of LANGS) {
			const parsed = assessmentInputSchema.safeParse({ ...v.input, lang });
			if (!parsed.success) {
				invalid.push({ id: v.id, lang, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message.split(';')[0]}`) });
				continue;
			}
			const answer = assess(lib, parsed.data);
			results.push({ id: v.id, lang, gold: v.gold, answer: answer.urgency, care: answer.care });
		}
});

const s = score(results);
const total = data.vignettes.length * LANGS.length;
const f = (x) => `${x.toFixed(1)} %`;
const date = new Date().toISOString().slice(0, 10);

if (values.markdown) {
	console.log(`| date | vignettes × languages | run | invalid input | exact | safe | under-triage | over-triage |`);
	console.log(`|---|---|---|---|---|---|---|---|`);
	console.log(
		`| ${date} | ${data.vignettes.length} × ${LANGS.length} = ${total} | ${s.n} | ${invalid.length} | ${f(s.exact)} | ${f(s.safe)} | ${f(s.under)} | ${f(s.over)} |`
	);
	console.log('');
	console.log(`| gold level | cases run | exact |`);
	console.log(`|---|---|---|`);
	for (const l of byLevel(results)) console.log(`| ${l.level} | ${l.n} | ${l.exact} |`);
} else {
	console.log(
		`Triage benchmark, ${date}: ${data.vignettes.length} vignettes × ${LANGS.length} languages = ${total} cases; ${s.n} run, ${invalid.length} with input this build refuses.`
	);
	console.log(`exact ${f(s.exact)} · safe ${f(s.safe)} · under-triage ${f(s.under)} · over-triage ${f(s.over)}  (of the ${s.n} run)`);
	for (const l of byLevel(results)) console.log(`  gold ${l.level.padEnd(10)} ${String(l.exact).padStart(3)} / ${l.n} exact`);
}
if (s.misses.length) {
	console.log(`\nMisses (${s.misses.length}): id, language, gold → answer (cards)`);
	for (const m of s.misses)
		console.log(
			`  ${m.delta < -1 ? 'UNSAFE ' : m.delta < 0 ? 'under  ' : 'over   '} ${m.id} [${m.lang}] ${m.gold} → ${m.answer} (${m.care.join(', ')})`
		);
}
if (invalid.length) {
	const byId = new Map();
	for (const i of invalid) byId.set(i.id, [...(byId.get(i.id) ?? []), i]);
	console.log(
		`\nInvalid input (${invalid.length} cases, ${byId.size} vignettes): the engine's schema refuses them, so they were not scored.`
	);
	for (const [id, cases] of byId)
		console.log(`  ${id} [${cases.map((c) => c.lang).join(', ')}]: ${[...new Set(cases.flatMap((c) => c.problems))].join('; ')}`);
}
const unsafe = s.misses.filter((m) => m.delta < -1).length;
if (unsafe || invalid.length || s.n === 0) {
	console.log(`\nFAIL: ${unsafe} unsafe answer(s), ${invalid.length} invalid input(s).`);
	process.exitCode = 1;
}
