// The guided first-aid session as a pure state machine: `(state, event) => state`.
// It owns no timers and reads no clock: the page sends `tick` (and every user event)
// with the current time, so tests drive it with fake time and the screen can sleep.

/** One slow foot circle (or one press) every two seconds: 15 + 15 circles take a minute. */
export const COUNT_PACE_MS = 2000;

export type Step =
	| { exercise: string; kind: 'timer'; ms: number }
	/** `parts` are run in order, e.g. [15, 15] = 15 clockwise, then 15 counter-clockwise. */
	| { exercise: string; kind: 'counter'; parts: number[]; paceMs: number };

/** What an exercise needs to become a step: its id and dose (an Exercise or an ExerciseView). */
export type Dosed = { id: string; dose?: { seconds?: { max: number }; counts?: { times: number }[] } };

/** A timed hold runs to the top of its range (10–15 s → 15 s), so the full dose is given. */
export function stepOf(e: Dosed): Step {
	if (e.dose?.seconds) return { exercise: e.id, kind: 'timer', ms: e.dose.seconds.max * 1000 };
	if (e.dose?.counts) return { exercise: e.id, kind: 'counter', parts: e.dose.counts.map((c) => c.times), paceMs: COUNT_PACE_MS };
	throw new Error(`exercise "${e.id}" has no dose to guide`); // content checks rule this out
}

export const stepMs = (s: Step) => (s.kind === 'timer' ? s.ms : s.parts.reduce((a, b) => a + b, 0) * s.paceMs);

export type Session = {
	steps: Step[];
	index: number;
	status: 'running' | 'paused' | 'finished';
	/** The time this state describes (the `now` of the last event). */
	at: number;
	/** Time spent in the current step before the running stretch that began at `since`. */
	doneMs: number;
	since: number;
	/** Counts every (re)start of a step, so a repeat is a new step for speech and display. */
	starts: number;
	startedAt: number;
	endedAt?: number;
	/** `gone`: the reader said the cramp has passed; `completed`: every step ran or was skipped. */
	outcome?: 'gone' | 'completed';
};

export type SessionEvent =
	| { type: 'tick'; now: number }
	| { type: 'pause'; now: number }
	| { type: 'resume'; now: number }
	| { type: 'skip'; now: number }
	| { type: 'repeat'; now: number }
	| { type: 'gone'; now: number };

export function startSession(steps: Step[], now: number): Session {
	if (!steps.length) throw new Error('a session needs at least one step');
	return { steps, index: 0, status: 'running', at: now, doneMs: 0, since: now, starts: 1, startedAt: now };
}

const elapsed = (s: Session) => (s.status === 'running' ? s.doneMs + (s.at - s.since) : s.doneMs);

const finish = (s: Session, at: number, outcome: Session['outcome']): Session => ({
	...s,
	status: 'finished',
	at,
	endedAt: at,
	outcome
});

/** Moves on to step `index` at time `at`, or finishes when there is none. */
function enter(s: Session, index: number, at: number): Session {
	if (index >= s.steps.length) return finish({ ...s, doneMs: stepMs(s.steps[s.steps.length - 1]) }, at, 'completed');
	return { ...s, index, status: 'running', at, doneMs: 0, since: at, starts: s.starts + 1 };
}

/** Brings a running session up to `now`, crossing as many step ends as fit in between. */
function advance(s: Session, now: number): Session {
	let next: Session = { ...s, at: Math.max(now, s.at) };
	while (next.status === 'running') {
		const end = next.since + stepMs(next.steps[next.index]) - next.doneMs;
		if (next.at < end) break;
		// The next step starts when this one ended, not at the (possibly late) tick.
		const at = next.at;
		next = enter(next, next.index + 1, end);
		if (next.status === 'running') next = { ...next, at };
	}
	return next;
}

export function transition(state: Session, event: SessionEvent): Session {
	if (state.status === 'finished') return state;
	const s = state.status === 'running' ? advance(state, event.now) : { ...state, at: Math.max(event.now, state.at) };
	if (s.status === 'finished') return s;
	switch (event.type) {
		case 'tick':
			return s;
		case 'pause':
			return s.status === 'running' ? { ...s, status: 'paused', doneMs: elapsed(s) } : s;
		case 'resume':
			return s.status === 'paused' ? { ...s, status: 'running', since: s.at } : s;
		case 'skip':
			return enter(s, s.index + 1, s.at);
		case 'repeat':
			return enter(s, s.index, s.at);
		case 'gone':
			return finish(s, s.at, 'gone');
	}
}

export type Progress = {
	index: number;
	step: Step;
	elapsedMs: number;
	/** Whole seconds left in the step, as a countdown shows them. */
	remainingSeconds: number;
	/** For a counter: which part (0-based) and which count within it (1-based) is under way. */
	count?: { part: number; n: number };
};

export function progress(s: Session): Progress {
	const step = s.steps[s.index];
	const elapsedMs = Math.min(elapsed(s), stepMs(step));
	const remainingSeconds = Math.ceil((stepMs(step) - elapsedMs) / 1000);
	if (step.kind === 'timer') return { index: s.index, step, elapsedMs, remainingSeconds };
	let k = Math.min(Math.floor(elapsedMs / step.paceMs), step.parts.reduce((a, b) => a + b, 0) - 1);
	let part = 0;
	while (k >= step.parts[part]) k -= step.parts[part++];
	return { index: s.index, step, elapsedMs, remainingSeconds, count: { part, n: k + 1 } };
}

/** What to say or signal between two states: a step (re)starts, a count begins, the session ends. */
export type Cue =
	| { kind: 'step'; index: number }
	| { kind: 'count'; part: number; n: number }
	| { kind: 'step-end'; index: number }
	| { kind: 'finished'; outcome: NonNullable<Session['outcome']> };

/** `before` is undefined when the session has just started. */
export function cues(before: Session | undefined, after: Session): Cue[] {
	const out: Cue[] = [];
	const justFinished = after.status === 'finished' && before?.status !== 'finished';
	if (before && after.outcome !== 'gone' && (after.index !== before.index || justFinished))
		out.push({ kind: 'step-end', index: before.index });
	if (after.status === 'finished') {
		if (justFinished) out.push({ kind: 'finished', outcome: after.outcome ?? 'completed' });
		return out;
	}
	const sameStep = before?.starts === after.starts;
	if (!sameStep) out.push({ kind: 'step', index: after.index });
	const count = progress(after).count;
	const was = sameStep && before ? progress(before).count : undefined;
	if (count && (was?.part !== count.part || was?.n !== count.n)) out.push({ kind: 'count', ...count });
	return out;
}
