// Deny by default below the gate: every desk route module's load, named action and
// request handler, called as if the gate had let through a request with no session,
// refuses with 401/403 itself. The route modules are every server file under the desk's
// routes (what the build's manifest lists), so a new one is checked without listing it.
import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { can, requiresTwoFactor, ROLES, type Role } from '../../src/lib/core/desk/roles';
import { DESK_ROUTES, TWO_FACTOR_SETUP_ROUTES } from '../../src/lib/core/desk/routes';
import type { DeskUser } from '../../src/lib/server/auth';

// An unguarded handler that reaches for the database gets a server that is not there, not the real one.
process.env.DATABASE_URL = 'postgres://nobody@127.0.0.1:9/none';

const modules = import.meta.glob(['/src/routes/editor/**/+*.ts', '/src/routes/api/v1/editor/**/+*.ts']);
const routeIdOf = (file: string) => file.replace(/^\/src\/routes/, '').replace(/\/\+[^/]+$/, '') || '/';

const SAMPLE: Record<string, string> = { lang: 'en', subject: 'calf-cramps', scope: 'en', token: 'not-a-token' };
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'];

/** A request event as the gate would pass it on had it missed the request: no `locals.desk`, or one that should not be here. */
function eventFor(routeId: string, method: string, desk?: DeskUser) {
	const url = new URL(`http://localhost${routeId.replace(/\[([^\]=]+)(=[^\]]+)?\]/g, (_, name: string) => SAMPLE[name] ?? 'x')}`);
	const form = new URLSearchParams({ id: 'x', role: 'admin', disabled: 'true', email: 'a@example.org', name: 'A', status: 'spam' });
	const init: RequestInit = method === 'GET' || method === 'HEAD' ? { method } : { method, body: form, headers: { origin: url.origin } };
	return {
		locals: { lang: 'en', desk },
		route: { id: routeId },
		params: Object.fromEntries(Object.keys(SAMPLE).map((k) => [k, SAMPLE[k]])),
		url,
		request: new Request(url, init),
		cookies: { get: () => undefined, getAll: () => [], set() {}, delete() {}, serialize: () => '' },
		getClientAddress: () => '127.0.0.1',
		setHeaders() {},
		fetch,
		platform: undefined,
		isDataRequest: false,
		isSubRequest: false,
		isRemoteRequest: false,
		parent: async () => ({}),
		depends() {},
		untrack: <T>(fn: () => T) => fn()
	};
}

type Handler = (event: ReturnType<typeof eventFor>) => unknown;

/** The exports of one route module that did not refuse a request without a session (`load`, `actions.x`, `GET`, ...). */
async function unguarded(module: Record<string, unknown>, routeId: string, desk?: DeskUser): Promise<string[]> {
	const handlers: [string, string, Handler][] = [];
	if (typeof module.load === 'function') handlers.push(['load', 'GET', module.load as Handler]);
	for (const [name, action] of Object.entries((module.actions ?? {}) as Record<string, Handler>))
		handlers.push([`actions.${name}`, 'POST', action]);
	for (const method of METHODS) if (typeof module[method] === 'function') handlers.push([method, method, module[method] as Handler]);
	const missed: string[] = [];
	for (const [name, method, handler] of handlers) {
		const refused = await Promise.resolve()
			.then(() => handler(eventFor(routeId, method, desk)))
			.then(
				() => false,
				(e: unknown) => isHttpError(e) && (e.status === 401 || e.status === 403)
			);
		if (!refused) missed.push(name);
	}
	return missed;
}

describe('deny by default below the gate', () => {
	const files = Object.keys(modules).sort();
	const guarded = files.filter((f) => DESK_ROUTES[routeIdOf(f)] !== 'public' && !f.endsWith('/+layout.server.ts'));

	it('[S-02.1] finds the desk route modules', () => {
		expect(files.length).toBeGreaterThanOrEqual(10);
		expect(files.map(routeIdOf).filter((id) => !(id in DESK_ROUTES))).toEqual([]);
	});

	it.each(guarded)('[S-02.2] %s refuses in every load, action and handler without a session', async (file) => {
		expect(await unguarded((await modules[file]()) as Record<string, unknown>, routeIdOf(file))).toEqual([]);
	});

	const user = (role: Role, twoFactorEnabled: boolean): DeskUser => ({
		id: `id-${role}`,
		email: `${role}@example.org`,
		name: role,
		role,
		specialty: '',
		twoFactorEnabled,
		// A session opened with the account's second factor, when it has one.
		sessionTwoFactor: twoFactorEnabled
	});
	// Every account the gate should have stopped: each role without the route's permission, and each role that must set up two-factor and has not.
	const intruders = guarded.flatMap((file) => {
		const id = routeIdOf(file);
		const needs = DESK_ROUTES[id];
		return ROLES.flatMap((role) => [
			...(needs !== 'public' && !can(role, needs) ? [{ file, who: user(role, true) }] : []),
			...(requiresTwoFactor(role) && !TWO_FACTOR_SETUP_ROUTES.has(id) ? [{ file, who: user(role, false) }] : [])
		]);
	});

	it.each(intruders.map(({ file, who }) => [file, `${who.role}${who.twoFactorEnabled ? '' : ' before two-factor'}`, who] as const))(
		'[S-02.5] %s refuses %s in every load, action and handler',
		async (file, _, who) => {
			expect(await unguarded((await modules[file]()) as Record<string, unknown>, routeIdOf(file), who)).toEqual([]);
		}
	);

	// The layout serves the public sign-in page too, so it may run: it must just show nobody.
	it('[S-02.3] the desk layout shows no account and no links without a session', async () => {
		const layout = (await modules['/src/routes/editor/[lang=lang]/+layout.server.ts']()) as { load: Handler };
		expect(await layout.load(eventFor('/editor/[lang=lang]', 'GET'))).toMatchObject({ user: null, links: [] });
	});

	it('[S-02.4] names the load and the action that forgot requireDesk in a fixture', async () => {
		const fixture = await import('./fixtures/unguarded-desk-route');
		expect(await unguarded(fixture, '/editor/[lang=lang]/accounts')).toEqual(['load', 'actions.forgotten']);
	});
});
