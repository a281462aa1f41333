// What a desk password must be, wherever one is set (invite, change of password, the
// admin:create command line): 12 to 128 characters (counted as Unicode code points, so a
// Cyrillic or emoji password is not cut short), not only spaces, not a common or easily
// guessed one (zxcvbn-ts with its common-password dictionary, loaded once on first use),
// and not the current one. Plain JavaScript so the command line can load it without a build.

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
/** zxcvbn's score from 0 to 4; 3 means "safely unguessable" (about 10^8 guesses or more). */
const MIN_SCORE = 3;

/** @typedef {'too-short' | 'too-long' | 'blank' | 'common' | 'same'} PasswordProblem */

/** @type {Promise<(password: string, userInputs: string[]) => number> | undefined} */
let scorer;

function loadScorer() {
	scorer ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(([core, common]) => {
		const zxcvbn = new core.ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
		return (password, userInputs) => zxcvbn.check(password, userInputs).score;
	});
	return scorer;
}

/**
 * The first thing wrong with `password` as a new password, or undefined when it will do.
 * @param {string} password
 * @param {{ current?: string; userInputs?: string[] }} [context] the current password, and words
 *   a guesser would try first (the email, the name)
 * @returns {Promise<PasswordProblem | undefined>}
 */
export async function passwordProblem(password, context = {}) {
	const length = [...password].length;
	if (length < PASSWORD_MIN) return 'too-short';
	if (length > PASSWORD_MAX) return 'too-long';
	if (password.trim() === '') return 'blank';
	if (context.current !== undefined && password === context.current) return 'same';
	const score = (await loadScorer())(password, context.userInputs ?? []);
	return score < MIN_SCORE ? 'common' : undefined;
}
