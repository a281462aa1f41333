// What a desk service answers instead of throwing: done, with what it made, or refused
// with a code and the form field the refusal is about. Routes turn the code into the
// desk's words and an HTTP status; services know neither.

export type Refusal<Code extends string> = { ok: false; field: string; code: Code };
export type Outcome<T, Code extends string> = { ok: true; value: T } | Refusal<Code>;

export const done = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const refuse = <Code extends string>(field: string, code: Code): Refusal<Code> => ({ ok: false, field, code });

/** The value of an outcome that has to be done (a test's set-up): a refusal there is a bug, so it throws. */
export function valueOf<T, Code extends string>(outcome: Outcome<T, Code>): T {
	if (!outcome.ok) throw new Error(`Refused: ${outcome.field}: ${outcome.code}`);
	return outcome.value;
}
