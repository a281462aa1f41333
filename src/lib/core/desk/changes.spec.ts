import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fieldChanges, versionFields } from './changes';
import { flatten } from './version';

const text = (value: unknown) => `${flatten(value).join('\n')}\n`;

const guide = (steps: string[], extra: Record<string, unknown> = {}) => ({
	title: 'Calf cramps',
	sections: [
		{ id: 'what', heading: 'What a cramp is', body: 'A tight muscle.\nIt passes.' },
		{
			id: 'stretches',
			heading: 'Stretches',
			exercises: [{ id: 'wall', anchor: 'exercise-wall', title: 'Wall stretch', steps, dose: { text: 'Hold 30 s' } }]
		}
	],
	...extra
});

describe('versionFields', () => {
	it('reads each field back, a multi-line value as one', () => {
		const fields = versionFields(text(guide(['Stand'])));
		expect(fields.get('sections[0].body')).toBe('A tight muscle.\nIt passes.');
		expect(fields.get('sections[1].exercises[0].steps[0]')).toBe('Stand');
	});

	test.prop([fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.string({ maxLength: 30 }))])(
		'gives back every field of any flattened object, as it was',
		(object) => {
			expect(Object.fromEntries(versionFields(text(object)))).toEqual(object);
		}
	);
});

describe('fieldChanges', () => {
	it('[S-42.4] names a changed step by its section, its exercise and its number, with the words that changed', () => {
		const changes = fieldChanges(text(guide(['Stand facing a wall', 'Lean in'])), text(guide(['Stand facing a wall', 'Lean in slowly'])));
		expect(changes).toEqual([
			{
				where: ['Stretches', 'Wall stretch'],
				part: 'steps',
				n: 2,
				anchor: 'exercise-wall',
				section: 'stretches',
				before: 'Lean in',
				after: 'Lean in slowly',
				words: [
					{ kind: 'same', text: 'Lean' },
					{ kind: 'same', text: ' ' },
					{ kind: 'same', text: 'in' },
					{ kind: 'added', text: ' ' },
					{ kind: 'added', text: 'slowly' }
				]
			}
		]);
	});

	it('lists an added field, then a removed one still named by its old title', () => {
		const changes = fieldChanges(text(guide(['Stand', 'Lean'])), text(guide(['Stand'], { summary: 'What helps' })));
		expect(changes.map(({ where, part, n, before, after }) => ({ where, part, n, before, after }))).toEqual([
			{ where: [], part: 'summary', n: undefined, before: undefined, after: 'What helps' },
			{ where: ['Stretches', 'Wall stretch'], part: 'steps', n: 2, before: 'Lean', after: undefined }
		]);
	});

	it('calls a part it has no name for "other", and a section by its heading and id', () => {
		const before = guide(['Stand']);
		const after = guide(['Stand']);
		(after.sections[1].exercises![0].dose as Record<string, unknown>).seconds = { min: 20, max: 30 };
		expect(fieldChanges(text(before), text(after)).map((c) => [c.where, c.part, c.anchor])).toEqual([
			[['Stretches', 'Wall stretch'], 'dose', 'exercise-wall'],
			[['Stretches', 'Wall stretch'], 'dose', 'exercise-wall']
		]);
		expect(
			fieldChanges(text({ sections: [{ id: 'a', heading: 'A', x: 1 }] }), text({ sections: [{ id: 'a', heading: 'A', x: 2 }] }))
		).toMatchObject([{ where: ['A'], part: 'other', anchor: 'a' }]);
	});

	it('finds nothing when nothing changed', () => expect(fieldChanges(text(guide(['Stand'])), text(guide(['Stand'])))).toEqual([]));
});
