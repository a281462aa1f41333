// Episodes for the diary's table tests and the benchmark: only the fields a test cares about.
import { EPISODE_VERSION, type Episode } from './episode';

let seq = 0;
export function episode(over: Partial<Episode> = {}): Episode {
	seq++;
	return {
		version: EPISODE_VERSION,
		id: `test-${String(seq).padStart(6, '0')}`,
		day: '2026-03-02',
		time: '03:00',
		offsetMinutes: 180,
		leg: 'left',
		muscle: 'calf',
		durationMinutes: 2,
		intensity: 5,
		situation: 'rest',
		factors: [],
		signs: [],
		note: '',
		origin: 'diary',
		...over
	};
}
