// serving/line-writer.js: whatever lines are written, in whatever rhythm, the file ends up
// holding exactly those lines in that order, once each — and what a process still held
// when it exits is written before it is gone.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, expect, it } from 'vitest';
import { LineWriter } from '../../serving/line-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'fitnavigator-line-writer-'));
// One writer for every run (as in the server, one per process), appending to one file.
const file = join(dir, 'lines');
const fd = openSync(file, 'w');
const writer = new LineWriter(fd);
afterAll(() => {
	closeSync(fd);
	rmSync(dir, { recursive: true, force: true });
});
const WRITER = new URL('../../serving/line-writer.js', import.meta.url).href;

/** Polls until the file holds `bytes` bytes (the writer flushes within its FLUSH_MS), then returns it. */
async function settled(bytes: number) {
	for (let waited = 0; readFileSync(file).length < bytes && waited < 2_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
	return readFileSync(file);
}

// A line: any text without a newline (multi-byte characters and lines over a buffer's size
// included), ended by one; `pause`: the event loop runs before the next line.
const line = fc.record({
	text: fc
		.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'grapheme', minLength: 5_000, maxLength: 12_000 }))
		.map((s) => s.replaceAll('\n', ' ')),
	pause: fc.boolean()
});

test.prop([fc.array(line, { maxLength: 60 })], { numRuns: 25 })('writes every line once, in order, batched or not', async (lines) => {
	const before = readFileSync(file).length;
	let expected = '';
	for (const { text, pause } of lines) {
		writer.write(`${text}\n`);
		expected += `${text}\n`;
		if (pause) await new Promise((r) => setImmediate(r));
	}
	const written = await settled(before + Buffer.byteLength(expected));
	expect(written.subarray(before).toString('utf8')).toBe(expected);
});

/** Runs a script that imports LineWriter in a child process; returns its stdout. */
const child = (script: string) =>
	execFileSync(process.execPath, ['--input-type=module', '-e', `import { LineWriter } from ${JSON.stringify(WRITER)};\n${script}`], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});

it('writes what it holds when the process exits, by process.exit or with nothing left to do', () => {
	// Fewer lines than a buffer holds: none has been written when exit comes.
	expect(child(`const w = new LineWriter(1); for (let i = 0; i < 50; i++) w.write('line ' + i + '\\n'); process.exit(0);`)).toBe(
		Array.from({ length: 50 }, (_, i) => `line ${i}\n`).join('')
	);
	// Many buffers: some in writes under way, the last still held when the event loop empties.
	// Several times: a write started by the exit itself would be lost in some runs only.
	const many = Array.from({ length: 20_000 }, (_, i) => `line ${i}\n`).join('');
	for (let run = 0; run < 8; run++)
		expect(child(`const w = new LineWriter(1); for (let i = 0; i < 20000; i++) w.write('line ' + i + '\\n');`)).toBe(many);
});
