import { describe, expect, it } from 'vitest';
import {
	COUNT_IN_MS,
	COUNT_PACE_MS,
	cues,
	progress,
	startSession,
	stepOf,
	transition,
	type Cue,
	type Session,
	type SessionEvent,
	type Step
} from './session';

const s = (seconds: number) => seconds * 1000;
// The in-bed sequence shape: a 60 s stretch, then (for the counter) 15 + 15 circles.
const STEPS: Step[] = [
	{ exercise: 'towel-stretch', kind: 'timer', ms: s(60) },
	{ exercise: 'foot-rotations', kind: 'counter', parts: [15, 15], paceMs: COUNT_PACE_MS }
];
// The long-cramp rule: 10 minutes from the start of the session.
const LIMIT = s(600);
const tick = (now: number): SessionEvent => ({ type: 'tick', now });
const ev = (type: Exclude<SessionEvent['type'], 'tick'>, now: number) => ({ type, now }) as SessionEvent;
/** The session the reader has just opened at time 0, before "Start". */
const opened = (steps = STEPS) => startSession(steps, 0, LIMIT);
/** Opened and started at time 0, then `events`. */
const run = (events: SessionEvent[], steps = STEPS) => [ev('start', 0), ...events].reduce(transition, opened(steps));

type Expected = Partial<Pick<Session, 'index' | 'status' | 'outcome' | 'endedAt' | 'starts'>> & {
	elapsedMs?: number;
	remainingSeconds?: number;
	count?: { part: number; n: number };
};

const cases: { name: string; events: SessionEvent[]; expected: Expected }[] = [
	{
		name: 'starts on the first step, running',
		events: [],
		expected: { index: 0, status: 'running', elapsedMs: 0, remainingSeconds: 60, starts: 1 }
	},
	{ name: 'a 60 s step is still on at 59.999 s', events: [tick(s(60) - 1)], expected: { index: 0, remainingSeconds: 1 } },
	{
		name: 'a 60 s step ends at exactly 60 s',
		events: [tick(s(60))],
		expected: { index: 1, elapsedMs: 0, starts: 2, count: { part: 0, n: 1 } }
	},
	{
		name: 'a late tick counts the next step from when the last one ended',
		events: [tick(s(75))],
		expected: { index: 1, elapsedMs: s(15) }
	},
	{ name: 'a tick never moves time backwards', events: [tick(s(30)), tick(s(10))], expected: { index: 0, elapsedMs: s(30) } },
	{
		name: 'pause holds time',
		events: [tick(s(10)), ev('pause', s(10)), tick(s(500))],
		expected: { index: 0, status: 'paused', elapsedMs: s(10) }
	},
	{
		name: 'pause catches up first: a step that ended before the pause has ended',
		events: [ev('pause', s(61))],
		expected: { index: 1, status: 'paused', elapsedMs: s(1) }
	},
	{
		name: 'pausing twice changes nothing',
		events: [ev('pause', s(10)), ev('pause', s(20))],
		expected: { status: 'paused', elapsedMs: s(10) }
	},
	{
		name: 'resume goes on from where it paused',
		events: [ev('pause', s(10)), ev('resume', s(100)), tick(s(149))],
		expected: { index: 0, status: 'running', elapsedMs: s(59) }
	},
	{
		name: 'after a pause the step ends 60 s of running time later',
		events: [ev('pause', s(10)), ev('resume', s(100)), tick(s(150))],
		expected: { index: 1, elapsedMs: 0 }
	},
	{ name: 'resume while running changes nothing', events: [ev('resume', s(20)), tick(s(30))], expected: { index: 0, elapsedMs: s(30) } },
	{
		name: 'repeat restarts the step',
		events: [tick(s(50)), ev('repeat', s(50)), tick(s(100))],
		expected: { index: 0, elapsedMs: s(50), starts: 2 }
	},
	{
		name: 'a repeated step ends a full step later',
		events: [ev('repeat', s(50)), tick(s(110))],
		expected: { index: 1, elapsedMs: 0, starts: 3 }
	},
	{
		name: 'repeat while paused restarts and runs',
		events: [ev('pause', s(40)), ev('repeat', s(90)), tick(s(100))],
		expected: { index: 0, status: 'running', elapsedMs: s(10) }
	},
	{
		name: 'skip moves to the next step at once',
		events: [ev('skip', s(5))],
		expected: { index: 1, status: 'running', elapsedMs: 0, starts: 2 }
	},
	{
		name: 'skip while paused starts the next step running',
		events: [ev('pause', s(5)), ev('skip', s(8)), tick(s(10))],
		expected: { index: 1, status: 'running', elapsedMs: s(2) }
	},
	{
		name: 'skip on the last step finishes',
		events: [ev('skip', s(5)), ev('skip', s(7))],
		expected: { status: 'finished', outcome: 'completed', endedAt: s(7) }
	},
	{
		name: '"it\'s gone" finishes at that moment',
		events: [tick(s(20)), ev('gone', s(25))],
		expected: { status: 'finished', outcome: 'gone', endedAt: s(25), index: 0 }
	},
	{
		name: '"it\'s gone" while paused finishes too',
		events: [ev('pause', s(20)), ev('gone', s(40))],
		expected: { status: 'finished', outcome: 'gone', endedAt: s(40) }
	},
	{ name: 'the counter starts at 1 clockwise', events: [tick(s(60))], expected: { count: { part: 0, n: 1 } } },
	{ name: 'the counter paces one count every 2 s', events: [tick(s(60) + 2 * COUNT_PACE_MS)], expected: { count: { part: 0, n: 3 } } },
	{ name: 'the 15th clockwise count', events: [tick(s(60) + 14 * COUNT_PACE_MS)], expected: { count: { part: 0, n: 15 } } },
	{ name: 'then 1 counter-clockwise', events: [tick(s(60) + 15 * COUNT_PACE_MS)], expected: { count: { part: 1, n: 1 } } },
	{
		name: 'then the 15th counter-clockwise',
		events: [tick(s(60) + 30 * COUNT_PACE_MS - 1)],
		expected: { count: { part: 1, n: 15 }, remainingSeconds: 1 }
	},
	{
		name: 'the last step ending finishes the session',
		events: [tick(s(60) + 30 * COUNT_PACE_MS)],
		expected: { status: 'finished', outcome: 'completed', endedAt: s(120) }
	},
	{
		name: 'a tick long after the end finishes when the last step ended',
		events: [tick(s(60)), tick(s(3600))],
		expected: { status: 'finished', endedAt: s(120), index: 1 }
	},
	{
		name: 'a finished session ignores every event',
		events: [ev('gone', s(5)), ev('repeat', s(6)), ev('skip', s(7)), ev('resume', s(8)), tick(s(200))],
		expected: { status: 'finished', outcome: 'gone', endedAt: s(5), index: 0 }
	}
];

describe('the first-aid session', () => {
	for (const c of cases) {
		it(c.name, () => {
			const state = run(c.events);
			const { elapsedMs, remainingSeconds, count, ...fields } = c.expected;
			expect(state).toMatchObject(fields);
			const p = progress(state);
			if (elapsedMs !== undefined) expect(p.elapsedMs).toBe(elapsedMs);
			if (remainingSeconds !== undefined) expect(p.remainingSeconds).toBe(remainingSeconds);
			if (count) expect(p.count).toEqual(count);
		});
	}

	it('refuses to start with no steps', () => expect(() => startSession([], 0, LIMIT)).toThrow());
});

describe('the timer waits for "Start now" or the end of a visible count-in', () => {
	it('shows the first step ready, its full time, and counts in', () => {
		const state = [tick(COUNT_IN_MS - 2500)].reduce(transition, opened());
		expect(state).toMatchObject({ status: 'ready', index: 0, starts: 1 });
		expect(progress(state)).toMatchObject({ elapsedMs: 0, remainingSeconds: 60, countIn: 3 });
	});
	it('at the end of the count-in the first step runs by itself, from that moment', () => {
		expect(progress([tick(COUNT_IN_MS - 1)].reduce(transition, opened()))).toMatchObject({ elapsedMs: 0, countIn: 1 });
		const state = [tick(COUNT_IN_MS + s(59))].reduce(transition, opened());
		expect(state).toMatchObject({ status: 'running', index: 0 });
		expect(progress(state)).toMatchObject({ remainingSeconds: 1 });
		expect(progress(state).countIn).toBeUndefined();
		expect(transition(state, tick(COUNT_IN_MS + s(60)))).toMatchObject({ index: 1 });
	});
	it('a late tick after the count-in crosses into the next step', () => {
		expect([tick(COUNT_IN_MS + s(75))].reduce(transition, opened())).toMatchObject({ index: 1, status: 'running' });
	});
	it('"Start now" runs the first step from the moment of the tap', () => {
		const state = [ev('start', s(4)), tick(s(63))].reduce(transition, opened());
		expect(state).toMatchObject({ status: 'running', index: 0 });
		expect(progress(state).remainingSeconds).toBe(1);
		expect(transition(state, tick(s(64)))).toMatchObject({ index: 1 });
	});
	it('"Pain is back" before the start repeats nothing', () => {
		expect([ev('repeat', s(5))].reduce(transition, opened())).toMatchObject({ status: 'ready', repeats: [0, 0] });
	});
	it('"It\'s gone" before the start ends the session', () => {
		expect([ev('gone', s(5))].reduce(transition, opened())).toMatchObject({ status: 'finished', outcome: 'gone', endedAt: s(5) });
	});
});

// The wall stretch: 60 s, repeated up to 3 times if the pain comes back.
const WALL: Step[] = [
	{ exercise: 'wall-stretch', kind: 'timer', ms: s(60), repeatMax: 3 },
	{ exercise: 'thumb-pressure', kind: 'timer', ms: s(30) }
];
const repeatsAt = (...times: number[]) => times.map((t) => ev('repeat', t));

describe('the safety limits end the session with the long-cramp card', () => {
	const cases: { name: string; steps?: Step[]; events: SessionEvent[]; expected: Partial<Session> }[] = [
		// The 10-minute rule counts from the start of the session, paused or not.
		{
			name: 'at 9:59 a paused session still offers its exercise',
			events: [ev('pause', s(10)), tick(s(599))],
			expected: { status: 'paused' }
		},
		{
			name: '[H-19.1] at 10:00 the session stops (time limit)',
			events: [ev('pause', s(10)), tick(s(600))],
			expected: { status: 'finished', outcome: 'time-limit', endedAt: s(600) }
		},
		{
			name: 'a late tick stops it at 10:00, not at the tick',
			events: [ev('pause', s(10)), tick(s(900))],
			expected: { status: 'finished', outcome: 'time-limit', endedAt: s(600) }
		},
		{
			name: '"It\'s gone" after 10:00 comes too late: the limit came first',
			events: [ev('pause', s(10)), ev('gone', s(601))],
			expected: { outcome: 'time-limit', endedAt: s(600) }
		},
		{
			name: 'a stretch still running at 10:00 stops there',
			steps: [{ exercise: 'hold', kind: 'timer', ms: s(60) }],
			events: [...Array.from({ length: 10 }, (_, i) => ev('repeat', s(59 * (i + 1)))), tick(s(599))],
			expected: { status: 'running', index: 0 }
		},
		{
			name: 'and at 10:00 it ends with the time limit',
			steps: [{ exercise: 'hold', kind: 'timer', ms: s(60) }],
			events: [...Array.from({ length: 10 }, (_, i) => ev('repeat', s(59 * (i + 1)))), tick(s(600))],
			expected: { status: 'finished', outcome: 'time-limit', endedAt: s(600) }
		},
		{
			name: '"Start again" after a sequence that did not help counts the pain coming back',
			events: [tick(s(120)), ev('again', s(130)), tick(s(131))],
			expected: { status: 'running', index: 0, repeats: [1, 0], startedAt: 0 }
		},
		{
			name: '"Start again" keeps the clock: at 9:59 it runs',
			events: [tick(s(120)), ev('again', s(599))],
			expected: { status: 'running', index: 0 }
		},
		{
			name: '[H-19.2] "Start again" keeps the clock: at 10:00 it stops',
			events: [tick(s(120)), ev('again', s(600))],
			expected: { status: 'finished', outcome: 'time-limit' }
		},
		// The dose allows the wall stretch 3 more times; the 4th "pain is back" is one too many.
		{
			name: '[H-20.2] the pain back 3 times: the wall stretch runs a 4th time',
			steps: WALL,
			events: repeatsAt(s(50), s(100), s(150)),
			expected: { status: 'running', index: 0, repeats: [3, 0] }
		},
		{
			name: '[H-20.1] the pain back 4 times: the session stops (repeat limit)',
			steps: WALL,
			events: repeatsAt(s(50), s(100), s(150), s(200)),
			expected: { status: 'finished', outcome: 'repeat-limit', endedAt: s(200), repeats: [4, 0] }
		},
		{
			name: '"Start again" counts towards the same limit',
			steps: WALL,
			events: [...repeatsAt(s(50), s(100), s(150)), tick(s(300)), ev('again', s(310))],
			expected: { status: 'finished', outcome: 'repeat-limit', endedAt: s(310) }
		},
		{
			name: 'the repeat limit is counted per step',
			steps: WALL,
			events: [...repeatsAt(s(50), s(100), s(150)), ev('skip', s(160)), ...repeatsAt(s(170), s(180), s(190), s(195))],
			expected: { status: 'running', index: 1, repeats: [3, 4] }
		},
		{
			name: 'a safety stop cannot be started again',
			steps: WALL,
			events: [...repeatsAt(s(50), s(100), s(150), s(200)), ev('again', s(210)), ev('start', s(211))],
			expected: { status: 'finished', outcome: 'repeat-limit', endedAt: s(200) }
		},
		{
			name: 'a time-limit stop cannot be started again',
			events: [ev('pause', s(10)), tick(s(600)), ev('again', s(610))],
			expected: { status: 'finished', outcome: 'time-limit', endedAt: s(600) }
		}
	];
	for (const c of cases) it(c.name, () => expect(run(c.events, c.steps)).toMatchObject(c.expected));

	it('the limit counts from the place tap, not from "Start"', () => {
		// A count-in longer than the limit, to see the clock run from the place tap.
		expect([tick(s(599))].reduce(transition, startSession(STEPS, 0, LIMIT, s(700)))).toMatchObject({ status: 'ready' });
		expect([tick(s(600))].reduce(transition, startSession(STEPS, 0, LIMIT, s(700)))).toMatchObject({ outcome: 'time-limit' });
		const state = [ev('start', s(300)), ev('pause', s(301)), tick(s(600))].reduce(transition, startSession(STEPS, 0, LIMIT, s(700)));
		expect(state).toMatchObject({ outcome: 'time-limit', endedAt: s(600) });
	});
	it('the 10-minute stop neither vibrates nor reads a step: it ends', () => {
		const before = run([ev('pause', s(10))]);
		expect(cues(before, transition(before, tick(s(600))))).toEqual([{ kind: 'finished', outcome: 'time-limit' }]);
	});
	it('stepOf takes the repeat limit from the dose', () => {
		expect(stepOf({ id: 'wall-stretch', dose: { seconds: { max: 60 }, repeat: { max: 3 } } })).toMatchObject({ repeatMax: 3 });
		expect(stepOf({ id: 'pinch', dose: { seconds: { max: 15 } } })).not.toHaveProperty('repeatMax');
	});
});

describe('stepOf turns a dose into a step', () => {
	const table: { name: string; dose: Parameters<typeof stepOf>[0]['dose']; expected: Step | 'throws' }[] = [
		{ name: '1 minute → a 60 s timer', dose: { seconds: { max: 60 } }, expected: { exercise: 'x', kind: 'timer', ms: 60_000 } },
		{ name: '10–15 s → runs the full 15 s', dose: { seconds: { max: 15 } }, expected: { exercise: 'x', kind: 'timer', ms: 15_000 } },
		{
			name: '15 + 15 circles → a paced counter',
			dose: { counts: [{ times: 15 }, { times: 15 }] },
			expected: { exercise: 'x', kind: 'counter', parts: [15, 15], paceMs: COUNT_PACE_MS }
		},
		{ name: 'no dose → a bug', dose: undefined, expected: 'throws' }
	];
	for (const c of table) {
		it(c.name, () => {
			if (c.expected === 'throws') expect(() => stepOf({ id: 'x', dose: c.dose })).toThrow(/no dose/);
			else expect(stepOf({ id: 'x', dose: c.dose })).toEqual(c.expected);
		});
	}
});

describe('cues say what to speak and when to vibrate', () => {
	const start = run([]);
	const table: { name: string; before: Session | undefined; events: SessionEvent[]; expected: Cue[] }[] = [
		{ name: 'the start reads the first step', before: undefined, events: [], expected: [{ kind: 'step', index: 0 }] },
		{ name: 'a tick inside a timer says nothing', before: start, events: [tick(s(30))], expected: [] },
		{
			name: 'a timer ending signals, reads the next step and its first count',
			before: start,
			events: [tick(s(60))],
			expected: [
				{ kind: 'step-end', index: 0 },
				{ kind: 'step', index: 1 },
				{ kind: 'count', part: 0, n: 1 }
			]
		},
		{ name: 'a new count is spoken', before: run([tick(s(61))]), events: [tick(s(62))], expected: [{ kind: 'count', part: 0, n: 2 }] },
		{ name: 'the same count is not spoken twice', before: run([tick(s(62))]), events: [tick(s(63))], expected: [] },
		{
			name: 'repeat reads the step again without a step-end',
			before: run([tick(s(20))]),
			events: [ev('repeat', s(20))],
			expected: [{ kind: 'step', index: 0 }]
		},
		{
			name: 'the last step ending signals and finishes',
			before: run([tick(s(119))]),
			events: [tick(s(120))],
			expected: [
				{ kind: 'step-end', index: 1 },
				{ kind: 'finished', outcome: 'completed' }
			]
		},
		{
			name: '"it\'s gone" finishes without a step-end',
			before: start,
			events: [ev('gone', s(3))],
			expected: [{ kind: 'finished', outcome: 'gone' }]
		},
		{ name: 'pause says nothing', before: start, events: [ev('pause', s(3))], expected: [] }
	];
	for (const c of table) {
		it(c.name, () => {
			const after = c.events.reduce(transition, c.before ?? start);
			expect(cues(c.before, after)).toEqual(c.expected);
		});
	}
});
