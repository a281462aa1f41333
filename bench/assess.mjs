#!/usr/bin/env node
// Self-check throughput: assessments per second in-process (the engine over the real
// content), then through POST /api/v1/assess on the built server with wrk.
// Usage: npm run build && npm run bench:assess [-- --seconds 5 --port 4375]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { adapterEnv } from '../serving/adapter-env.js';
import { withEngine } from './lib.mjs';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, port: { type: 'string', default: '4375' } } });
const seconds = Number(values.seconds);
const port = Number(values.port);

// A spread of answers: quiet, recurring, urgent, emergency, swimming.
const bodies = [
	{ lang: 'en', episode: { durationMinutes: 3, perWeek: 1, situation: 'night' }, factors: ['intense-exercise', 'alcohol'], signs: [] },
	{
		lang: 'ru',
		episode: { durationMinutes: 16, perWeek: 3, situation: 'sport' },
		factors: ['new-to-training', 'heavy-sweating'],
		signs: []
	},
	{ lang: 'en', episode: { durationMinutes: 5, perWeek: 0, situation: 'rest' }, factors: ['long-travel-or-bed-rest'], signs: ['swelling'] },
	{ lang: 'ru', episode: { durationMinutes: null, perWeek: null, situation: 'other' }, factors: [], signs: ['chest-pain'] },
	{
		lang: 'en',
		episode: { durationMinutes: 2, perWeek: 2, situation: 'swimming' },
		factors: ['cold-exposure', 'varicose-veins'],
		signs: []
	}
];

async function inProcess() {
	await withEngine(({ lib, assess, assessmentInputSchema }) => {
		const run = (n) => {
			for (let i = 0; i < n; i++) assess(lib, assessmentInputSchema.parse(bodies[i % bodies.length]));
		};
		run(20_000); // warm up the JIT
		let n = 0;
		const start = process.hrtime.bigint();
		const end = start + BigInt(seconds * 1e9);
		while (process.hrtime.bigint() < end) {
			run(1000);
			n += 1000;
		}
		const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
		console.log(`in-process: ${Math.round(n / elapsed)} assessments/s (validate + assess, ${n} in ${elapsed.toFixed(1)} s)`);
	});
}

async function overHttp() {
	if (!existsSync('build/index.js')) return console.log('http: skipped — run `npm run build` first');
	if (spawnSync('wrk', ['--version']).error) return console.log('http: skipped — wrk is not installed (apt-get install wrk)');
	const dataDir = mkdtempSync(join(tmpdir(), 'fitnavigator-bench-'));
	const script = join(dataDir, 'assess.lua');
	// wrk needs Lua to POST; it cycles through the same bodies as the in-process run.
	writeFileSync(
		script,
		`local bodies = { ${bodies.map((b) => `[==[${JSON.stringify(b)}]==]`).join(', ')} }
local i = 0
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/api/v1/assess", { ["Content-Type"] = "application/json" }, bodies[i])
end
local non2xx = 0
response = function(status) if status ~= 200 then non2xx = non2xx + 1 end end
done = function() io.write(string.format("non-200 responses: %d\\n", non2xx)) end
`
	);
	const server = spawn('node', ['server.js'], {
		env: adapterEnv({ ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '' }),
		stdio: 'ignore'
	});
	try {
		for (let i = 0; ; i++) {
			if (i > 100) throw new Error('the server did not start');
			const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
				(r) => r.ok,
				() => false
			);
			if (ready) break;
			await new Promise((r) => setTimeout(r, 200));
		}
		const wrk = spawnSync('wrk', ['-t2', '-c32', `-d${seconds}s`, '--latency', '-s', script, `http://127.0.0.1:${port}`], {
			encoding: 'utf8'
		});
		const rps = /Requests\/sec:\s+([\d.]+)/.exec(wrk.stdout)?.[1];
		const p50 = /\s50%\s+(\S+)/.exec(wrk.stdout)?.[1];
		const p99 = /\s99%\s+(\S+)/.exec(wrk.stdout)?.[1];
		const non200 = /non-200 responses: (\d+)/.exec(wrk.stdout)?.[1];
		if (!rps) throw new Error(`wrk failed:\n${wrk.stdout}${wrk.stderr}`);
		console.log(
			`http (wrk, 2 threads, 32 connections): ${Math.round(Number(rps))} assessments/s, p50 ${p50}, p99 ${p99}, non-200 ${non200}`
		);
	} finally {
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
		rmSync(dataDir, { recursive: true, force: true });
	}
}

await inProcess();
await overHttp();
