// Crash: votes stream in, the server is killed with SIGKILL mid-stream and started
// again on the same data. Every vote it acknowledged (201) must be in the database.
import { afterAll, describe, expect, it } from 'vitest';
import { PORTS } from './ports';
import { appBackends, startApp, vote, type AppBackend } from './harness';

const WRITERS = 8;
const KILL_AFTER_ACKS = 300;

for (const backend of appBackends()) {
	describe(`crash on ${backend.name}`, () => {
		let db: AppBackend;
		afterAll(() => db?.dispose());

		it('keeps every acknowledged vote after kill -9 and a restart', async () => {
			db = await backend.create();
			const app = await startApp(PORTS.crash[backend.name], db.env);
			const acknowledged = new Set<string>();
			let killed = false;
			let refused = 0;
			const wrongAnswers: string[] = [];
			// Each writer posts until its request fails (the server is gone). Only the fetch is
			// guarded: any answer but 201 is recorded and fails the test below.
			const writer = async (w: number) => {
				for (let i = 0; !killed || i === 0; i++) {
					let res: Response;
					try {
						res = await fetch(`${app.url}/api/v1/guides/calf-cramps/feedback`, vote(`writer ${w} vote ${i}`));
					} catch {
						refused++;
						return;
					}
					if (res.status !== 201) {
						wrongAnswers.push(`${res.status} ${await res.text()}`);
						return;
					}
					const body = await res.json().catch(() => undefined);
					if (body?.id) acknowledged.add(body.id);
					if (acknowledged.size >= KILL_AFTER_ACKS && !killed) {
						killed = true;
						app.process.kill('SIGKILL');
					}
				}
			};
			await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
			await app.stop();

			// Restarting on the same data must recover it (PGlite replays its WAL), then stop cleanly.
			const again = await startApp(PORTS.crash[backend.name], db.env);
			await again.stop();
			const stored = new Set((await db.votes()).map((v) => v.id));
			const lost = [...acknowledged].filter((id) => !stored.has(id));
			console.log(
				`${backend.name}: ${acknowledged.size} acknowledged, ${stored.size} stored, ${lost.length} lost, ${refused} requests cut off by the kill`
			);
			expect(wrongAnswers).toEqual([]);
			expect(killed).toBe(true);
			expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
			expect(lost).toEqual([]);
		});
	});
}
