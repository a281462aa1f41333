// Shutdown drains keep-alive connections: on SIGTERM an idle connection is closed at
// once, a busy one as soon as its answer is out, and the process exits by itself —
// long before SHUTDOWN_TIMEOUT would cut connections by force.
import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appBackends, startApp, type AppBackend, type RunningApp } from './harness';
import { PORTS } from './ports';

let db: AppBackend;
let app: RunningApp;
beforeAll(async () => {
	db = await appBackends()[0].create();
	// Far beyond the test's own timeout: only draining can let the process exit in time.
	app = await startApp(PORTS.shutdown, { ...db.env, SHUTDOWN_TIMEOUT: '600' });
});
afterAll(async () => {
	await app?.stop('SIGKILL');
	await db?.dispose();
});

/** A raw keep-alive connection that records what the server sends and when it closes. */
function connection() {
	const socket = net.connect(PORTS.shutdown, '127.0.0.1');
	let received = '';
	socket.setEncoding('utf8');
	socket.on('data', (d) => (received += d));
	const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
	const answers = () => received.split('HTTP/1.1 ').length - 1;
	const until = async (n: number) => {
		while (answers() < n) await new Promise((r) => setTimeout(r, 10));
	};
	return { socket, closed, until, received: () => received };
}

it('closes idle and busy keep-alive connections and exits without the forced timeout', async () => {
	const idle = connection();
	idle.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
	await idle.until(1);

	// Busy: a vote whose body has not fully arrived when SIGTERM comes.
	const busy = connection();
	const body = JSON.stringify({ lang: 'en', helpful: true });
	busy.socket.write(
		`POST /api/v1/guides/calf-cramps/feedback HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`
	);
	await new Promise((r) => setTimeout(r, 200));
	const exited = new Promise<number | null>((resolve) => app.process.once('exit', (code) => resolve(code)));
	app.process.kill('SIGTERM');

	await idle.closed;
	busy.socket.write(body.slice(5));
	await busy.until(1);
	await busy.closed;
	expect(busy.received()).toMatch(/^HTTP\/1\.1 201/);
	expect(await exited).toBe(0);
	// The log is written in batches: both answers' lines must still be out once the process
	// is gone (the pipe may deliver them just after the exit, hence the poll).
	const logged = (route: string, status: number) => app.output().includes(`"route":"${route}","status":${status}`);
	await expect.poll(() => logged('/healthz', 200) && logged('/api/v1/guides/[slug]/feedback', 201), { timeout: 2_000 }).toBe(true);
});
