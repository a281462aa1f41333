// Where a guide, the rule set or the hazard log stands against its latest sign-off.
// Pure: the caller passes the served version's hash, the sign-off and the time.
import { diffArrays } from 'diff';

export type SignOff = { hash: string; name: string; specialty: string; signedAt: Date };
export type ReviewState = 'never-reviewed' | 'needs-review' | 'reviewed' | 'due';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export function reviewState(servedHash: string, latest: SignOff | undefined, now: Date): ReviewState {
	if (!latest) return 'never-reviewed';
	if (latest.hash !== servedHash) return 'needs-review';
	return now.getTime() - latest.signedAt.getTime() > YEAR_MS ? 'due' : 'reviewed';
}

/** A sign-off speaks for the served text only while the hashes match (a due one still does, until renewed). */
export const signOffHolds = (servedHash: string, latest: SignOff | undefined): latest is SignOff => latest?.hash === servedHash;

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

/** A line diff of the signed text against the served one. */
export const lineDiff = (before: string, after: string): DiffLine[] => sequenceDiff(before.split('\n'), after.split('\n'));

/** Two lists of lines (or words) as kept, removed and added pieces: a shortest edit script (`diff`'s Myers diff). */
export const sequenceDiff = (a: string[], b: string[]): DiffLine[] =>
	diffArrays(a, b).flatMap((change) => {
		const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
		return change.value.map((text) => ({ kind, text }));
	});

/** Only the changed lines and `context` lines around them, as the desk shows a diff. */
export function changedHunks(diff: DiffLine[], context = 2): (DiffLine | { kind: 'gap' })[] {
	const keep = diff.map((line, i) => diff.slice(Math.max(0, i - context), i + context + 1).some((l) => l.kind !== 'same'));
	const out: (DiffLine | { kind: 'gap' })[] = [];
	diff.forEach((line, i) => {
		if (keep[i]) out.push(line);
		else if (out.at(-1)?.kind !== 'gap') out.push({ kind: 'gap' });
	});
	return out;
}
