// The guided first-aid session as a pure state machine: `(state, event) => state`.
// It owns no timers and reads no clock: the page sends `tick` (and every user event)
// with the current time, so tests drive it with fake time and the screen can sleep.
// It also keeps the safety limits itself: past the time limit (the 10-minute rule),
// or when the pain comes back more often than a dose allows, it offers no more
// exercises and ends, so the page shows the long-cramp card instead.

/** One slow foot circle (or one press) every two seconds: 15 + 15 circles take a minute. */
export const COUNT_PACE_MS = 2000;
/** Time to get into position before the first timer runs; "Start now" cuts it short. */
export const COUNT_IN_MS = 10_000;

/** `repeatMax`: how often the dose allows the step again when the pain comes back; none = no limit but time. */
export type Step = { exercise: string; repeatMax?: number } & (
	| { kind: 'timer'; ms: number }
	/** `parts` are run in order, e.g. [15, 15] = 15 clockwise, then 15 counter-clockwise. */
	| { kind: 'counter'; parts: number[]; paceMs: number }
);

/** What an exercise needs to become a step: its id and dose (an Exercise or an ExerciseView). */
export type Dosed = {
	id: string;
	dose?: { seconds?: { max: number }; counts?: { times: number }[]; repeat?: { max: number } };
};

/** A timed hold runs to the top of its range (10–15 s → 15 s), so the full dose is given. */
export function stepOf(e: Dosed): Step {
	const repeat = e.dose?.repeat ? { repeatMax: e.dose.repeat.max } : {};
	if (e.dose?.seconds) return { exercise: e.id, kind: 'timer', ms: e.dose.seconds.max * 1000, ...repeat };
	if (e.dose?.counts)
		return { exercise: e.id, kind: 'counter', parts: e.dose.counts.map((c) => c.times), paceMs: COUNT_PACE_MS, ...repeat };
	throw new Error(`exercise "${e.id}" has no dose to guide`); // content checks rule this out
}

export const stepMs = (s: Step) => (s.kind === 'timer' ? s.ms : s.parts.reduce((a, b) => a + b, 0) * s.paceMs);

export type Session = {
	steps: Step[];
	index: number;
	/** `ready`: the first step is on screen and its timer waits: for "Start now", or the count-in to end at `since`. */
	status: 'ready' | 'running' | 'paused' | 'finished';
	/** The time this state describes (the `now` of the last event). */
	at: number;
	/** Time spent in the current step before the running stretch that began at `since`. */
	doneMs: number;
	since: number;
	/** Counts every (re)start of a step, so a repeat is a new step for speech and display. */
	starts: number;
	/** When the reader picked the place: the time limit counts from here, whatever happens after. */
	startedAt: number;
	/** Time from `startedAt` after which no exercise is offered (the long-cramp rule). */
	limitMs: number;
	/** How often the reader said the pain is back during each step (by index). */
	repeats: number[];
	endedAt?: number;
	outcome?: Outcome;
};

/**
 * `gone`: the reader said the cramp has passed; `completed`: every step ran or was skipped;
 * `time-limit`: the cramp outlasted the limit; `repeat-limit`: the pain came back more often
 * than the dose allows. The last two mean a doctor today, not more exercises.
 */
export type Outcome = 'gone' | 'completed' | 'time-limit' | 'repeat-limit';
/** The outcomes that send the reader to a doctor today (the diary's monitor reads them too). */
export const isSafetyStop = (outcome: Outcome | undefined) => outcome === 'time-limit' || outcome === 'repeat-limit';
export const stoppedForSafety = (s: Session) => isSafetyStop(s.outcome);

export type SessionEvent =
	| { type: 'tick'; now: number }
	| { type: 'start'; now: number }
	/** "Start again" after a finished session that did not help: the pain is back. */
	| { type: 'again'; now: number }
	| { type: 'pause'; now: number }
	| { type: 'resume'; now: number }
	| { type: 'skip'; now: number }
	| { type: 'repeat'; now: number }
	| { type: 'gone'; now: number };

export function startSession(steps: Step[], now: number, limitMs: number, countInMs = COUNT_IN_MS): Session {
	if (!steps.length) throw new Error('a session needs at least one step');
	return {
		steps,
		index: 0,
		status: 'ready',
		at: now,
		doneMs: 0,
		since: now + countInMs,
		starts: 1,
		startedAt: now,
		limitMs,
		repeats: steps.map(() => 0)
	};
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
	return { ...s, index, status: 'running', at, doneMs: 0, since: at, starts: s.starts + 1, endedAt: undefined, outcome: undefined };
}

/** The pain is back during step `index`: run it again, unless that is more often than its dose allows. */
function painBack(s: Session, index: number, at: number): Session {
	const repeats = s.repeats.map((n, i) => (i === index ? n + 1 : n));
	if (repeats[index] > (s.steps[index].repeatMax ?? Infinity)) return finish({ ...s, repeats }, at, 'repeat-limit');
	return enter({ ...s, repeats }, index, at);
}

/** Brings a ready or running session up to `now`: past the count-in, across as many step ends as fit. */
function advance(s: Session, now: number): Session {
	let next: Session = { ...s, at: Math.max(now, s.at) };
	if (next.status === 'ready') {
		if (next.at < next.since) return next;
		next = { ...next, status: 'running' }; // the count-in is over: the step runs from its end
	}
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
	const limitAt = state.startedAt + state.limitMs;
	if (state.status === 'finished') {
		// Only a session that ended without a safety stop can start again, and only within the limit.
		if (event.type !== 'again' || stoppedForSafety(state)) return state;
		const at = Math.max(event.now, state.at);
		return at >= limitAt ? finish(state, limitAt, 'time-limit') : painBack(state, 0, at);
	}
	const running = state.status === 'running' || state.status === 'ready';
	if (event.now >= limitAt) {
		// The steps run up to the limit (the last may end just before it); then the session stops.
		const s = running ? advance(state, limitAt) : state;
		return s.status === 'finished' ? s : finish({ ...s, doneMs: elapsed(s) }, limitAt, 'time-limit');
	}
	const s = running ? advance(state, event.now) : { ...state, at: Math.max(event.now, state.at) };
	if (s.status === 'finished') return s;
	switch (event.type) {
		case 'tick':
		case 'again':
			return s;
		case 'start':
			return s.status === 'ready' ? { ...s, status: 'running', since: s.at } : s;
		case 'pause':
			return s.status === 'running' ? { ...s, status: 'paused', doneMs: elapsed(s) } : s;
		case 'resume':
			return s.status === 'paused' ? { ...s, status: 'running', since: s.at } : s;
		case 'skip':
			return enter(s, s.index + 1, s.at);
		case 'repeat':
			return s.status === 'ready' ? s : painBack(s, s.index, s.at);
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
	/** While ready: whole seconds until the timer starts by itself. */
	countIn?: number;
};

export function progress(s: Session): Progress {
	const step = s.steps[s.index];
	const elapsedMs = Math.min(elapsed(s), stepMs(step));
	const remainingSeconds = Math.ceil((stepMs(step) - elapsedMs) / 1000);
	const countIn = s.status === 'ready' ? { countIn: Math.ceil((s.since - s.at) / 1000) } : {};
	if (step.kind === 'timer') return { index: s.index, step, elapsedMs, remainingSeconds, ...countIn };
	let k = Math.min(Math.floor(elapsedMs / step.paceMs), step.parts.reduce((a, b) => a + b, 0) - 1);
	let part = 0;
	while (k >= step.parts[part]) k -= step.parts[part++];
	return { index: s.index, step, elapsedMs, remainingSeconds, count: { part, n: k + 1 }, ...countIn };
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
	// A step that ran out (or was skipped) is signalled; "it's gone" and a safety stop end without one.
	if (before && before.status !== 'finished' && (after.index !== before.index || (justFinished && after.outcome === 'completed')))
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
