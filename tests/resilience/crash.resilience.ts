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
			// Each writer posts until its request fails (the server is gone).
			const writer = async (w: number) => {
				for (let i = 0; !killed || i === 0; i++) {
					try {
						const res = await fetch(`${app.url}/api/v1/guides/calf-cramps/feedback`, vote(`writer ${w} vote ${i}`));
						if (res.status === 201) acknowledged.add((await res.json()).id);
						else expect.fail(`vote answered ${res.status}`);
						if (acknowledged.size >= KILL_AFTER_ACKS && !killed) {
							killed = true;
							app.process.kill('SIGKILL');
						}
					} catch {
						refused++;
						return;
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
			expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
			expect(lost).toEqual([]);
		});
	});
}
