// The desk's access matrix, generated from the build: every desk route SvelteKit's
// manifest lists (GET, each named form action, each other method of an endpoint) × every
// account that must not get in (signed out, disabled, each role without the permission,
// admin and clinician before two-factor) × every spelling of the path (plain, each letter
// of editor/api/v1 percent-encoded in either hex case, upper case, //, a trailing /, /./,
// /en/../en/, the page's __data.json) × {straight to the app, through deploy/nginx.conf}.
// Every cell refuses, shows no email, comment or audit text, and (on PostgreSQL) the desk
// tables hold exactly as many rows afterwards. The accounts are made the way the team
// makes them: the first admin on the command line, the rest by invite, two-factor on the
// security page, each signed in through the sign-in form.
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import pg from 'pg';
import { URI } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Role } from '../../src/lib/core/desk/roles';
import { DESK_ROUTES, TWO_FACTOR_SETUP_ROUTES } from '../../src/lib/core/desk/routes';
import { createAdmin } from '../e2e/desk-admin';
import { appBackends, startApp, type AppBackend, type RunningApp } from './harness';
import { NGINX, startNginx, type Nginx } from './nginx';
import { PORTS } from './ports';

const { app: appPort, https, http: httpPort } = PORTS.deskMatrix;
const ORIGIN = `https://localhost:${https}`;
const PASSWORD = 'matrix password 1234';
const COMMENT = 'Matrix comment 7f3a: more pictures please';
const TABLES = [
	'desk_user',
	'desk_session',
	'desk_account',
	'desk_two_factor',
	'desk_invite',
	'desk_audit',
	'desk_review',
	'feedback_status',
	'feedback'
];

type Route = { id: string; page: boolean; actions: string[]; methods: string[] };

/** The desk's routes as the build's manifest lists them, with each page's named actions (read in a child process: the built modules expect Node, not the test runner). */
function manifestRoutes(): Route[] {
	const script = `
		const { manifest } = await import(${JSON.stringify(`${process.cwd()}/.svelte-kit/output/server/manifest-full.js`)});
		const routes = [];
		for (const r of manifest._.routes) {
			if (!/^\\/(api\\/v1\\/)?editor(\\/|$)/.test(r.id)) continue;
			const node = r.page ? await manifest._.nodes[r.page.leaf]() : undefined;
			const endpoint = r.endpoint ? await r.endpoint() : {};
			routes.push({ id: r.id, page: Boolean(r.page), actions: Object.keys(node?.server?.actions ?? {}), methods: Object.keys(endpoint).filter((k) => /^[A-Z]+$/.test(k)) });
		}
		process.stdout.write(JSON.stringify(routes));
		process.exit(0);`;
	const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
		encoding: 'utf8',
		env: { ...process.env, NODE_OPTIONS: '' }
	});
	if (run.status !== 0) throw new Error(`reading the manifest failed (run vite build first):\n${run.stderr}`);
	return JSON.parse(run.stdout);
}

const SAMPLE: Record<string, string> = { lang: 'en', subject: 'calf-cramps', scope: 'en', token: 'not-a-token' };
const pathOf = (id: string) => id.replace(/\[([^\]=]+)(=[^\]]+)?\]/g, (_, name: string) => SAMPLE[name]);

/** Every spelling of a plain desk path that still names the same route to someone. */
function spellings(path: string, page: boolean): { name: string; path: string }[] {
	const out = [{ name: 'plain', path }];
	const words = path.startsWith('/api/') ? ['api', 'v1', 'editor'] : ['editor'];
	for (const word of words) {
		const at = path.indexOf(`/${word}`) + 1;
		for (let i = 0; i < word.length; i++) {
			const hex = word.charCodeAt(i).toString(16);
			for (const code of new Set([hex, hex.toUpperCase()]))
				out.push({ name: `${word}[${i}]=%${code}`, path: `${path.slice(0, at + i)}%${code}${path.slice(at + i + 1)}` });
		}
	}
	const [, first] = path.split('/');
	out.push({ name: 'upper case', path: path.replace(`/${first}`, `/${first.toUpperCase()}`) });
	out.push({ name: '//', path: `/${path}` });
	out.push({ name: 'trailing /', path: `${path}/` });
	out.push({ name: '/./', path: path.replace(`/${first}/`, `/${first}/./`) });
	out.push({
		name: '/x/../',
		path: path.includes('/en/') ? path.replace('/en/', '/en/../en/') : path.replace(`/${first}/`, `/${first}/../${first}/`)
	});
	if (page) out.push({ name: '__data.json', path: `${path}/__data.json` });
	return out;
}

type Reply = { status: number; body: string; location?: string };
type Send = (path: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<Reply>;

// A fresh connection per request: a kept-alive socket the server is closing (its 5 s idle timeout) would hang up mid-test.
const agent = new http.Agent({ keepAlive: false, maxSockets: 16 });
/** Straight to the app, the path sent byte for byte (fetch would clean up /./ and /../). */
const direct: Send = (path, init) =>
	new Promise((resolve, reject) => {
		const req = http.request({ host: '127.0.0.1', port: appPort, path, agent, method: init.method, headers: init.headers }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (d) => (body += d));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body, location: res.headers.location }));
		});
		req.on('error', reject);
		req.end(init.body);
	});

const directWithHeaders = (path: string, headers: Record<string, string>) =>
	new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
		http
			.get({ host: '127.0.0.1', port: appPort, path, agent, headers }, (res) => {
				res.resume();
				res.on('end', () => resolve(res.headers));
			})
			.on('error', reject);
	});

type Jar = Record<string, string>;
const cookieHeader = (jar: Jar) =>
	Object.entries(jar)
		.map(([k, v]) => `${k}=${v}`)
		.join('; ');

/** A form post the way a browser sends one from this site, keeping the cookies it sets. */
async function post(jar: Jar, path: string, form: Record<string, string>): Promise<Reply> {
	const res = await fetch(`http://127.0.0.1:${appPort}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie: cookieHeader(jar) },
		body: new URLSearchParams(form)
	});
	for (const c of res.headers.getSetCookie()) {
		const [pair] = c.split(';');
		const [name, ...value] = pair.split('=');
		if (/max-age=0|expires=thu, 01 jan 1970/i.test(c)) delete jar[name];
		else jar[name] = value.join('=');
	}
	return { status: res.status, body: await res.text(), location: res.headers.get('location') ?? undefined };
}
const get = async (jar: Jar, path: string) => {
	const res = await fetch(`http://127.0.0.1:${appPort}${path}`, { redirect: 'manual', headers: { cookie: cookieHeader(jar) } });
	return { status: res.status, body: await res.text(), location: res.headers.get('location') ?? undefined };
};
const unescapeHtml = (text: string) => text.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#x2F;', '/');

type Account = { key: string; email: string; role: Role; jar: Jar; twoFactor: boolean; disabled?: boolean; totp?: string };

if (!NGINX) console.log('Desk access matrix through nginx skipped: nginx is not installed (apt-get install nginx-light).');

describe('the desk refuses every account that should not get in, however the path is spelled', () => {
	let backend: AppBackend;
	let app: RunningApp;
	let proxy: Nginx | undefined;
	let pool: pg.Pool | undefined;
	const admin: Account = { key: 'admin', email: 'admin@example.org', role: 'admin', jar: {}, twoFactor: true };
	const accounts: Account[] = [
		{ key: 'editor', email: 'ed@example.org', role: 'editor', jar: {}, twoFactor: false },
		{ key: 'expert', email: 'vera@example.org', role: 'expert', jar: {}, twoFactor: false },
		{ key: 'clinician', email: 'lin@example.org', role: 'clinician', jar: {}, twoFactor: true },
		{ key: 'admin before two-factor', email: 'new-admin@example.org', role: 'admin', jar: {}, twoFactor: false },
		{ key: 'clinician before two-factor', email: 'new-lin@example.org', role: 'clinician', jar: {}, twoFactor: false },
		{ key: 'disabled', email: 'gone@example.org', role: 'editor', jar: {}, twoFactor: false, disabled: true }
	];
	const ids: Record<string, string> = {};
	let feedbackId = '';
	let reviewHash = '';

	/** Password, then (when two-factor is on) a code of the current time step: the sign-in form's two steps. */
	async function signIn(account: Account) {
		account.jar = {};
		const step = await post(account.jar, '/editor/en/sign-in?/password', { email: account.email, password: PASSWORD });
		if (account.totp && step.status === 200) {
			const done = await post(account.jar, '/editor/en/sign-in?/code', { code: URI.parse(account.totp).generate() });
			expect(done.status, `${account.key} code step`).toBe(303);
		} else expect(step.status, `${account.key} password step: ${step.body.slice(0, 200)}`).toBe(303);
	}

	/** Two-factor on the security page; the code is the previous time step's, so the sign-in that follows uses a new one. */
	async function enrol(account: Account) {
		const enabled = await post(account.jar, '/editor/en/security?/enable', { password: PASSWORD });
		const uri = /otpauth:\/\/totp\/[^"<\s]+/.exec(enabled.body)?.[0];
		expect(uri, `${account.key}: the security page shows the otpauth URI`).toBeTruthy();
		account.totp = unescapeHtml(uri!);
		const code = URI.parse(account.totp).generate({ timestamp: Date.now() - 30_000 });
		expect((await post(account.jar, '/editor/en/security?/confirm', { code })).status).toBe(303);
		await signIn(account);
	}

	beforeAll(async () => {
		const setUp = Date.now();
		const backends = appBackends();
		backend = await backends[backends.length - 1].create(); // PostgreSQL when there is one: its rows can be counted while the app runs
		createAdmin({ ...process.env, ...backend.env }, { email: admin.email, name: 'Ada Admin', password: PASSWORD });
		app = await startApp(appPort, { ...backend.env, ORIGIN });
		if (backend.env.DATABASE_URL) pool = new pg.Pool({ connectionString: backend.env.DATABASE_URL, max: 2 });

		await signIn(admin);
		await enrol(admin);
		await Promise.all(
			accounts.map(async (account) => {
				const invited = await post(admin.jar, '/editor/en/accounts?/invite', {
					email: account.email,
					name: account.key,
					role: account.role,
					specialty: ''
				});
				const token = /\/editor\/en\/invite\/([\w-]{20,})/.exec(invited.body)?.[1];
				expect(token, `invite link for ${account.key}`).toBeTruthy();
				expect((await post({}, `/editor/en/invite/${token}`, { password: PASSWORD })).status).toBe(303);
				await signIn(account);
				if (account.twoFactor) await enrol(account);
			})
		);
		const list = unescapeHtml((await get(admin.jar, '/editor/en/accounts')).body);
		for (const account of [admin, ...accounts]) {
			const row = list.slice(list.indexOf(`data-email="${account.email}"`));
			ids[account.key] = /name="id" value="([^"]+)"/.exec(row)![1];
		}
		const disabled = accounts.find((a) => a.disabled)!;
		expect((await post(admin.jar, '/editor/en/accounts?/disable', { id: ids[disabled.key], disabled: 'true' })).status).toBe(200);

		const vote = await fetch(`http://127.0.0.1:${appPort}/api/v1/guides/calf-cramps/feedback`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: ORIGIN },
			body: JSON.stringify({ lang: 'en', helpful: false, comment: COMMENT })
		});
		expect(vote.status).toBe(201);
		const editor = accounts.find((a) => a.key === 'editor')!;
		feedbackId = JSON.parse((await get(editor.jar, '/api/v1/editor/feedback')).body).items[0].id;
		const expert = accounts.find((a) => a.key === 'expert')!;
		reviewHash = /name="hash" value="([0-9a-f]{64})"/.exec((await get(expert.jar, '/editor/en/reviews/calf-cramps/en')).body)![1];

		if (NGINX) proxy = await startNginx({ https, http: httpPort }, [appPort]);
		console.log(`Desk access matrix: accounts and data set up in ${Date.now() - setUp} ms`);
	});
	afterAll(async () => {
		agent.destroy();
		await pool?.end();
		await proxy?.stop();
		await app?.stop();
		await backend?.dispose();
	});

	// Without these the matrix could pass for the wrong reason: dead sessions, or sample paths nobody can open.
	it('[S-03.1] the accounts are real and the paths open: each route answers 200 to an account allowed in, directly and through nginx', async () => {
		for (const account of [admin, ...accounts]) {
			const security = await get(account.jar, '/editor/en/security');
			expect(security.status, `${account.key} security page`).toBe(account.disabled ? 303 : 200);
		}
		const allowed = [admin, ...accounts].filter((a) => a.twoFactor);
		for (const route of manifestRoutes().filter((r) => DESK_ROUTES[r.id] !== 'public' && (r.page || r.methods.includes('GET')))) {
			const needs = DESK_ROUTES[route.id];
			const account = allowed.find((a) => needs !== 'public' && can(a.role, needs))!;
			const headers = { cookie: cookieHeader(account.jar) };
			expect((await direct(pathOf(route.id), { method: 'GET', headers })).status, `${route.id} as ${account.key}`).toBe(200);
			if (proxy) expect((await proxy.request(pathOf(route.id), { headers })).status, `${route.id} through nginx`).toBe(200);
		}
		expect(feedbackId).toMatch(/^[0-9a-f-]{36}$/);
		expect(reviewHash).toMatch(/^[0-9a-f]{64}$/);
	});

	it('[S-08.1] every desk answer, refusals too, is sent with Cache-Control: no-store, directly and through nginx', async () => {
		const editor = accounts.find((a) => a.key === 'editor')!;
		for (const route of manifestRoutes().filter((r) => r.page || r.methods.includes('GET')))
			for (const jar of [admin.jar, editor.jar, {}]) {
				const headers = { cookie: cookieHeader(jar) };
				const path = pathOf(route.id);
				const replies = [await directWithHeaders(path, headers), ...(proxy ? [(await proxy.request(path, { headers })).headers] : [])];
				for (const reply of replies) expect(reply['cache-control'], `${route.id}`).toMatch(/no-store/);
			}
	});

	it('[S-04.1] a write from another site is refused even with a valid session, and changes nothing', async () => {
		const count = async () => (pool ? (await pool.query('select count(*)::int as n from desk_audit')).rows[0].n : undefined);
		const before = await count();
		const forms: [string, Record<string, string>][] = [
			['/editor/en/accounts?/role', { id: ids.editor, role: 'admin' }],
			['/editor/en/accounts?/disable', { id: ids.editor, disabled: 'true' }],
			['/editor/en/inbox?/status', { ids: feedbackId, status: 'spam' }]
		];
		for (const origin of ['https://evil.example', 'null', `http://localhost:${https}`])
			for (const [path, form] of forms) {
				const reply = await direct(path, {
					method: 'POST',
					headers: { origin, cookie: cookieHeader(admin.jar), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
					body: new URLSearchParams(form).toString()
				});
				expect(reply.status, `${origin} ${path}`).toBe(403);
			}
		const api = await direct('/api/v1/editor/feedback/status', {
			method: 'POST',
			headers: { origin: 'https://evil.example', cookie: cookieHeader(admin.jar), 'content-type': 'application/json' },
			body: JSON.stringify({ ids: [feedbackId], status: 'spam' })
		});
		expect(api.status).toBe(403);
		expect(await count()).toBe(before);
	});

	it('[S-03.2] every cell of the matrix refuses, shows nothing and writes nothing', async () => {
		const routes = manifestRoutes().filter((r) => DESK_ROUTES[r.id] !== 'public');
		expect(routes.map((r) => r.id)).toContain('/editor/[lang=lang]/accounts');
		expect(routes.filter((r) => !(r.id in DESK_ROUTES))).toEqual([]);

		const FORMS: Record<string, Record<string, string>> = {
			invite: { email: 'intruder@example.org', name: 'Intruder', role: 'admin', specialty: '' },
			role: { id: ids.editor, role: 'admin' },
			disable: { id: ids.admin, disabled: 'true' },
			resetTwoFactor: { id: ids.clinician },
			status: { ids: feedbackId, status: 'spam' },
			default: { hash: reviewHash, note: 'signed by an intruder' },
			password: { currentPassword: PASSWORD, newPassword: 'intruder password 1234' },
			enable: { password: PASSWORD },
			confirm: { code: '123456' }
		};
		type Request = { route: string; label: string; method: string; path: string; page: boolean; body?: string; type?: string };
		const requests: Request[] = routes.flatMap((r) => {
			const path = pathOf(r.id);
			const list: Request[] = [{ route: r.id, label: `GET ${r.id}`, method: 'GET', path, page: r.page }];
			for (const action of r.actions)
				list.push({
					route: r.id,
					label: `POST ${r.id} ?/${action}`,
					method: 'POST',
					path: action === 'default' ? path : `${path}?/${action}`,
					page: false,
					body: new URLSearchParams(FORMS[action] ?? {}).toString(),
					type: 'application/x-www-form-urlencoded'
				});
			for (const method of r.methods.filter((m) => m !== 'GET' && m !== 'HEAD'))
				list.push({
					route: r.id,
					label: `${method} ${r.id}`,
					method,
					path,
					page: false,
					body: JSON.stringify({ ids: [feedbackId], status: 'spam' }),
					type: 'application/json'
				});
			return list;
		});
		const intruders = (id: string) => {
			const needs = DESK_ROUTES[id];
			const signedIn = [admin, ...accounts].filter((a) => !a.disabled);
			return [
				{ key: 'signed out', jar: {} as Jar },
				...accounts.filter((a) => a.disabled),
				...signedIn.filter((a) => needs !== 'public' && needs !== 'signed-in' && a.twoFactor && !can(a.role, needs)),
				...signedIn.filter((a) => !a.twoFactor && (a.role === 'admin' || a.role === 'clinician') && !TWO_FACTOR_SETUP_ROUTES.has(id))
			];
		};
		const transports: [string, Send][] = [['direct', direct]];
		if (proxy) transports.push(['nginx', (path, init) => proxy!.request(path, init).then((r) => ({ ...r, location: r.headers.location }))]);

		const secrets = [
			...[admin, ...accounts].map((a) => a.email),
			...Object.values(ids),
			COMMENT.slice(0, 20),
			'account.create',
			'invite.create'
		];
		const cells: { label: string; user: string; spelling: string; transport: string; send: Send; path: string; req: Request; jar: Jar }[] =
			[];
		for (const req of requests)
			for (const user of intruders(req.route))
				for (const spelling of spellings(req.path.split('?')[0], req.page)) {
					const query = req.path.includes('?') ? `?${req.path.split('?')[1]}` : '';
					for (const [transport, send] of transports)
						cells.push({
							label: req.label,
							user: user.key,
							spelling: spelling.name,
							transport,
							send,
							path: spelling.path + query,
							req,
							jar: user.jar
						});
				}
		const users = new Set(cells.map((c) => c.user)).size;
		const spellingCount = Math.max(...requests.map((r) => spellings(r.path.split('?')[0], r.page).length));
		console.log(
			`Desk access matrix: ${routes.length} routes, ${requests.length} requests (GET, actions, methods) × up to ${users} accounts × up to ${spellingCount} spellings × ${transports.length} (${transports.map((t) => t[0]).join(', ')}) = ${cells.length} cells`
		);

		const count = async () =>
			pool
				? Object.fromEntries(
						await Promise.all(TABLES.map(async (t) => [t, (await pool!.query(`select count(*)::int as n from ${t}`)).rows[0].n]))
					)
				: undefined;
		const before = await count();
		if (!pool)
			console.log(
				'Desk access matrix on PGlite: row counts need PostgreSQL (set TEST_DATABASE_URL); bodies and statuses are still checked.'
			);

		const SIGN_IN = /^(?:https:\/\/localhost:\d+)?\/editor\/(?:en|ru)\/(?:sign-in|security)$/;
		const failures: string[] = [];
		const started = Date.now();
		let next = 0;
		await Promise.all(
			Array.from({ length: 8 }, async () => {
				while (next < cells.length) {
					const cell = cells[next++];
					const headers: Record<string, string> = { origin: ORIGIN, cookie: cookieHeader(cell.jar) };
					if (cell.req.type) headers['content-type'] = cell.req.type;
					if (cell.req.method === 'POST' && cell.req.type !== 'application/json') headers.accept = 'text/html';
					const reply = await cell.send(cell.path, { method: cell.req.method, headers, body: cell.req.body });
					const canonicalRedirect = [308, 301].includes(reply.status) && reply.location !== undefined;
					// A page's __data.json carries a redirect as JSON: SvelteKit turns the gate's 303 into one.
					const dataRedirect =
						reply.status === 200 && SIGN_IN.test(/^\{"type":"redirect","location":"([^"]+)"\}$/.exec(reply.body)?.[1] ?? '');
					const refused =
						[401, 403, 404, 405].includes(reply.status) ||
						(reply.status === 303 && SIGN_IN.test(reply.location ?? '')) ||
						canonicalRedirect ||
						dataRedirect;
					const shown = secrets.filter((s) => reply.body.includes(s));
					if (!refused || shown.length)
						failures.push(
							`${cell.transport} ${cell.label} as ${cell.user}, ${cell.spelling} (${cell.path}): ${reply.status} ${reply.location ?? ''} ${shown.join(', ')}`
						);
				}
			})
		);
		console.log(`Desk access matrix: ${cells.length} cells in ${Date.now() - started} ms`);
		expect(failures).toEqual([]);
		expect(await count()).toEqual(before);
	});
});
