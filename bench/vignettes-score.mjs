// Scores triage answers against gold levels the way symptom-checker studies do.
// Exact: at the gold level (Semigran et al., BMJ 2015). Safe: at the gold level, more
// cautious, or at most one level less (Gilbert et al., BMJ Open 2020). Under- and
// over-triage: below or above the gold level, by any number of levels. Pure, so a unit
// test can check the arithmetic on a small table.

/** The self-check's levels, least urgent first (as URGENCY_LEVELS in the content schema). */
export const LEVELS = ['self-care', 'see-doctor', 'urgent', 'emergency'];

/**
 * @typedef {{ id: string, lang: string, gold: string, answer: string, care?: string[] }} Result
 * @typedef {Result & { delta: number }} Miss
 */

/** @param {string} level */
const rank = (level) => {
	const i = LEVELS.indexOf(level);
	if (i < 0) throw new Error(`unknown level "${level}"`);
	return i;
};

/**
 * @param {Result[]} results
 * @returns {{ n: number, exact: number, safe: number, under: number, over: number, misses: Miss[] }}
 */
export function score(results) {
	const rows = results.map((r) => ({ ...r, delta: rank(r.answer) - rank(r.gold) }));
	const n = rows.length;
	/** @param {(r: Miss) => boolean} test */
	const pct = (test) => (n ? (100 * rows.filter(test).length) / n : 0);
	return {
		n,
		exact: pct((r) => r.delta === 0),
		safe: pct((r) => r.delta >= -1),
		under: pct((r) => r.delta < 0),
		over: pct((r) => r.delta > 0),
		misses: rows.filter((r) => r.delta !== 0)
	};
}

/**
 * Per gold level: how many cases, and how many the engine matched exactly.
 * @param {Result[]} results
 */
export function byLevel(results) {
	return LEVELS.map((level) => {
		const at = results.filter((r) => r.gold === level);
		return { level, n: at.length, exact: at.filter((r) => r.answer === level).length };
	});
}
