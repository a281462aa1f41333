import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import {
	accountWait,
	accountWaitSeconds,
	CLIENT_FAILURES,
	clientWait,
	FAILURE_WINDOW_SECONDS,
	FREE_FAILURES,
	MAX_ACCOUNT_WAIT_SECONDS
} from './sign-in-delay';

const failures = fc.integer({ min: 0, max: 100_000 });
const at = fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true });
const ms = fc.integer({ min: 0, max: 2 * FAILURE_WINDOW_SECONDS * 1000 });

test.prop([failures, failures])(
	'[S-23.1] an account waits longer after more failures, never more than a minute, not at all for the first few',
	(a, b) => {
		const [fewer, more] = a <= b ? [a, b] : [b, a];
		expect(accountWaitSeconds(fewer)).toBeLessThanOrEqual(accountWaitSeconds(more));
		expect(accountWaitSeconds(more)).toBeLessThanOrEqual(MAX_ACCOUNT_WAIT_SECONDS);
		expect(accountWaitSeconds(Math.min(fewer, FREE_FAILURES))).toBe(0);
	}
);

test.prop([failures, at, ms])(
	'[S-23.2] however many failures anyone caused, the owner waits at most a minute from the last one',
	(n, lastAt, later) => {
		const now = new Date(lastAt.getTime() + later);
		const wait = accountWait({ failures: n, firstAt: lastAt, lastAt }, now);
		const left = MAX_ACCOUNT_WAIT_SECONDS * 1000 - later;
		if (left <= 0) expect(wait).toBeUndefined();
		else if (wait) expect(wait.seconds).toBeLessThanOrEqual(Math.ceil(left / 1000));
	}
);

test.prop([failures, at, ms])(
	'[S-23.3] a client is stopped only after 30 failures, and only until its window ends',
	(n, firstAt, later) => {
		const now = new Date(firstAt.getTime() + later);
		const wait = clientWait({ failures: n, firstAt, lastAt: now }, now);
		const open = later < FAILURE_WINDOW_SECONDS * 1000;
		expect(wait !== undefined).toBe(n >= CLIENT_FAILURES && open);
		if (wait) expect(wait.seconds).toBe(Math.ceil((FAILURE_WINDOW_SECONDS * 1000 - later) / 1000));
	}
);
