import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendAside } from './aside';

describe('appendAside', () => {
	// as JSON gives them back (-0 is stored as 0)
	const records = fc.array(fc.jsonValue()).map((v) => JSON.parse(JSON.stringify(v)) as unknown[]);
	it('keeps what was aside, then adds the records', () =>
		fc.assert(
			fc.property(records, records, (before, added) => {
				expect(JSON.parse(appendAside(JSON.stringify(before), added))).toEqual([...before, ...added]);
			})
		));
	it('keeps an aside text that is not a JSON list as it was, first', () =>
		fc.assert(
			fc.property(
				fc.string().filter((raw) => raw !== '' && !isList(raw)),
				records,
				(raw, added) => {
					expect(JSON.parse(appendAside(raw, added))).toEqual([raw, ...added]);
				}
			)
		));
	it('starts a list when nothing was aside', () => expect(JSON.parse(appendAside(null, [1]))).toEqual([1]));
});

function isList(raw: string): boolean {
	try {
		return Array.isArray(JSON.parse(raw));
	} catch {
		return false;
	}
}
