// policy/password.js over the whole input space: length in characters (code
// points), blank passwords, the current one, and common ones.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../../policy/password.js';

const chars = (min: number, max: number, unit = fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 1 })) =>
	fc.array(unit, { minLength: min, maxLength: max }).map((parts) => parts.join(''));
const codePoints = (s: string) => [...s].length;

describe('password policy', () => {
	test.prop([fc.string({ unit: 'binary', maxLength: PASSWORD_MIN - 1 })])(
		'[S-26.1] fewer than 12 characters is too short, whatever they are',
		async (p) => {
			expect(await passwordProblem(p)).toBe('too-short');
		}
	);

	test.prop([fc.string({ unit: 'binary', minLength: PASSWORD_MAX + 1, maxLength: 3 * PASSWORD_MAX })])(
		'[S-26.2] more than 128 characters is too long, counted in characters not UTF-16 units',
		async (p) => {
			expect(await passwordProblem(p)).toBe('too-long');
		}
	);

	test.prop([chars(PASSWORD_MIN, PASSWORD_MAX, fc.constantFrom(' ', '\t', '\u00a0', '\u3000', '\n'))])(
		'[S-26.3] only whitespace is refused at any allowed length',
		async (p) => {
			expect(await passwordProblem(p)).toBe('blank');
		}
	);

	test.prop([fc.string({ unit: 'binary', minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })], { numRuns: 50 })(
		'[S-26.4] the current password is never accepted as the new one',
		async (p) => {
			fc.pre(codePoints(p) >= PASSWORD_MIN && codePoints(p) <= PASSWORD_MAX && p.trim() !== '');
			expect(await passwordProblem(p, { current: p })).toBe('same');
		}
	);

	it('[S-26.5] common and easily guessed passwords are refused; unrelated words together are not', async () => {
		for (const common of ['password1234', 'qwertyuiop12', 'iloveyou1234', '123456789012', 'aaaaaaaaaaaa', 'Pa55word1234'])
			expect(await passwordProblem(common), common).toBe('common');
		expect(await passwordProblem('ada@example.org!', { userInputs: ['ada@example.org'] })).toBe('common');
		expect(await passwordProblem('correct horse battery')).toBeUndefined();
		expect(await passwordProblem('калина малина ветер')).toBeUndefined();
	});
});
