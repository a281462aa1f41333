// The security log (docs/security.md) names, for every threat to the desk, its control
// and the tests that prove it. This keeps the log honest: a listed test renamed or
// deleted makes it fail, and so does a test carrying an id the log does not list.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const log = readFileSync(join(root, 'docs/security.md'), 'utf8');
const rows = log
	.split('\n')
	.filter((line) => /^\| S-\d\d /.test(line))
	.map((line) => {
		const cells = line.split('|').map((c) => c.trim());
		return { id: cells[1], threat: cells[2], control: cells[3], tests: cells[4] };
	});

/** Every test file's text: unit specs, browser tests and resilience tests. */
const testSources = ['src', 'tests/unit', 'tests/e2e', 'tests/resilience']
	.flatMap((dir) =>
		readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
			.filter((f) => /\.(spec|e2e|resilience)\.ts$/.test(f))
			.map((f) => join(root, dir, f))
	)
	.map((f) => readFileSync(f, 'utf8'))
	.join('\n');

const ID = /\[S-\d\d\.\d+\]/g;
/** A test name may start with several ids, one per control it proves: `'[S-27.1] [S-21.2] the admin …'`. */
const LEADING_IDS = /['"`]((?:\[S-\d\d\.\d+\] ?)+)/g;
const escape = (id: string) => id.replace(/[[\].]/g, '\\$&');

describe('the security log', () => {
	it('keeps its three sections in order, so each part adds rows without touching the others', () => {
		const at = ['## Access control', '## Sign-in and sessions', "## Audit, exports and the desk's pages"].map((h) =>
			log.indexOf(`\n${h}\n`)
		);
		expect(at.every((i) => i > 0)).toBe(true);
		expect([...at].sort((a, b) => a - b)).toEqual(at);
	});

	it('lists threats, each with a control and tests, each id once', () => {
		expect(rows.length).toBeGreaterThanOrEqual(8);
		expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
		for (const row of rows) {
			expect(row.threat, row.id).not.toBe('');
			expect(row.control, row.id).not.toBe('');
			expect(row.tests.match(ID)?.length ?? 0, row.id).toBeGreaterThan(0);
		}
	});

	it.each(rows.map((r) => [r.id, r] as const))('%s: every named test exists (a test name starting with its id)', (_, row) => {
		for (const id of row.tests.match(ID)!)
			expect(
				new RegExp(`['"\`](?:\\[S-\\d\\d\\.\\d+\\] ?)*${escape(id)}[^'"\`\\n]*['"\`]`).test(testSources),
				`${row.id}: no test named ${id}…`
			).toBe(true);
	});

	it('lists every security test id that a test name carries', () => {
		const listed = new Set(rows.flatMap((r) => r.tests.match(ID) ?? []));
		const named = new Set([...testSources.matchAll(LEADING_IDS)].flatMap((m) => m[1].match(ID)!));
		expect([...named].filter((id) => !listed.has(id)).sort()).toEqual([]);
	});
});
