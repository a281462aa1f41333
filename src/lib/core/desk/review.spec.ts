import { describe, expect, it } from 'vitest';
import { changedHunks, lineDiff, reviewState, signOffHolds } from './review';

const signed = (hash: string, signedAt: string) => ({ hash, name: 'Dr Vera', specialty: 'sports physician', signedAt: new Date(signedAt) });
const now = new Date('2026-11-28T00:00:00Z');

describe('reviewState', () => {
	it('is reviewed while the served hash is the signed one', () =>
		expect(reviewState('h1', signed('h1', '2026-06-01'), now)).toBe('reviewed'));
	it('needs review after any change', () => expect(reviewState('h2', signed('h1', '2026-06-01'), now)).toBe('needs-review'));
	it('is due twelve months after the sign-off', () => expect(reviewState('h1', signed('h1', '2025-11-01'), now)).toBe('due'));
	it('says when nobody ever signed', () => expect(reviewState('h1', undefined, now)).toBe('never-reviewed'));
	it('lets a sign-off speak only for its own hash', () => {
		expect(signOffHolds('h1', signed('h1', '2026-06-01'))).toBe(true);
		expect(signOffHolds('h2', signed('h1', '2026-06-01'))).toBe(false);
	});
});

describe('lineDiff', () => {
	it('marks removed and added lines', () => {
		expect(lineDiff('a\nb\nc', 'a\nB\nc')).toEqual([
			{ kind: 'same', text: 'a' },
			{ kind: 'removed', text: 'b' },
			{ kind: 'added', text: 'B' },
			{ kind: 'same', text: 'c' }
		]);
	});
	it('keeps only changes and their context', () => {
		const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
		const hunks = changedHunks(lineDiff(before, before.replace('line 10', 'line ten')), 1);
		expect(hunks).toEqual([
			{ kind: 'gap' },
			{ kind: 'same', text: 'line 9' },
			{ kind: 'removed', text: 'line 10' },
			{ kind: 'added', text: 'line ten' },
			{ kind: 'same', text: 'line 11' },
			{ kind: 'gap' }
		]);
	});
});
