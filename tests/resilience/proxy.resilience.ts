// Behind an HTTPS proxy: the shipped nginx config (deploy/nginx.conf) terminates TLS with
// a certificate made for this run, and a real Chromium submits the feedback form and the
// self-check through it, with JavaScript on and off, for each of adapter-node's two ways
// to know its public origin. The JSON API answers through it too, and with TRUST_PROXY
// the rate limit keys on the address nginx saw: a forged X-Forwarded-For does not help.
// The editorial desk's session cookie is Secure through the proxy, and only there.
import { chromium, request, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, chromiumPath } from '../e2e/browser';
import { createAdmin } from '../e2e/desk-admin';
import { appBackends, startApp, type AppBackend, type RunningApp } from './harness';
import { NGINX, startNginx, type Nginx } from './nginx';
import { PORTS } from './ports';

const { https, http, app: appPort } = PORTS.proxy;
const origin = `https://localhost:${https}`;

const ADMIN = { email: 'admin@example.org', name: 'Ada Admin', password: 'admin password 1234' };

const WAYS: { name: string; env: Record<string, string> }[] = [
	{ name: 'PROTOCOL_HEADER + HOST_HEADER', env: { PROTOCOL_HEADER: 'x-forwarded-proto', HOST_HEADER: 'x-forwarded-host' } },
	{ name: 'ORIGIN', env: { ORIGIN: origin } }
];

if (!NGINX) console.log('Proxy tests skipped: nginx is not installed (apt-get install nginx-light; .ci/run does).');

describe.runIf(NGINX)('behind nginx with TLS', () => {
	let db: AppBackend;
	let proxy: Nginx;
	let browser: Browser;
	beforeAll(async () => {
		db = await appBackends()[0].create();
		createAdmin({ ...process.env, ...db.env }, ADMIN);
		proxy = await startNginx({ https, http }, [appPort]);
		browser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_FLAGS });
	});
	afterAll(async () => {
		await browser?.close();
		await proxy?.stop();
		await db?.dispose();
	});

	async function inBrowser(javaScriptEnabled: boolean, work: (page: Page) => Promise<void>, baseURL = origin) {
		const context = await browser.newContext({ ignoreHTTPSErrors: true, javaScriptEnabled, baseURL });
		try {
			await work(await context.newPage());
		} finally {
			await context.close();
		}
	}

	/** Signs the admin in to the desk (two-factor comes next, with a session already) and returns the session cookie. */
	async function deskSessionCookie(page: Page) {
		await page.goto('/editor/en/sign-in');
		await page.getByLabel('Email').fill(ADMIN.email);
		await page.getByLabel('Password').fill(ADMIN.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL('**/editor/en/security');
		return (await page.context().cookies()).find((c) => c.name === 'fn-desk.session_token');
	}

	describe.each(WAYS)('configured with $name', ({ env }) => {
		let app: RunningApp;
		beforeAll(async () => {
			app = await startApp(appPort, { ...db.env, ...env, TRUST_PROXY: '1' });
		});
		afterAll(() => app?.stop());

		it.each([true, false])('the feedback form and the self-check work with JavaScript %s', async (javaScriptEnabled) => {
			await inBrowser(javaScriptEnabled, async (page) => {
				await page.goto('/en/guides/calf-cramps');
				await page.locator('#feedback').getByRole('button', { name: 'Yes' }).click();
				await page.locator('#feedback [role="status"]').getByText('Thank you for your feedback!').waitFor();
				expect(new URL(page.url()).pathname).toBe(javaScriptEnabled ? '/en/guides/calf-cramps' : '/en/guides/calf-cramps/feedback');

				// The self-check, one question page at a time (each a form post without JavaScript).
				await page.goto('/en/check/situation');
				const one: Record<string, string> = { situation: 'night', duration: '5', frequency: '1', age: 'adult' };
				for (let step = new URL(page.url()).pathname.split('/').at(-1)!; step !== 'answers';) {
					await page.locator(step in one ? `#answer-${one[step]}` : '#answer-none').click();
					const before = page.url();
					await page.locator('form.check-form button[type="submit"]').click();
					await page.waitForURL((u) => u.toString() !== before);
					step = new URL(page.url()).pathname.split('/').at(-1)!;
				}
				await page.locator('main a.button').click();
				await page.locator('#result-title').waitFor();
				expect(await page.locator('.assessment .care').count()).toBeGreaterThan(0);
			});
			expect(app.output()).not.toContain('Cross-site POST form submissions are forbidden');
		});

		it('[S-06.2] the desk signs in with a Secure, HttpOnly, SameSite=Lax session cookie', async () => {
			await inBrowser(true, async (page) => {
				expect(await deskSessionCookie(page)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
			});
		});

		it('[S-06.1] nginx sends HSTS for two years, subdomains included, on its TLS answers', async () => {
			for (const path of ['/en', '/no-such-page', '/editor/en/sign-in']) {
				const reply = await proxy.request(path);
				expect(reply.headers['strict-transport-security'], path).toBe('max-age=63072000; includeSubDomains');
			}
		});

		it('the JSON API answers through the proxy', async () => {
			const api = await request.newContext({ ignoreHTTPSErrors: true, baseURL: origin });
			try {
				const vote = await api.post('/api/v1/guides/calf-cramps/feedback', { data: { lang: 'en', helpful: false } });
				expect(vote.status()).toBe(201);
				const summary = await api.get('/api/v1/guides/calf-cramps/feedback/summary');
				expect(summary.status()).toBe(200);
				expect((await summary.json()).no).toBeGreaterThanOrEqual(1);
				const redirect = await fetch(`http://127.0.0.1:${http}/en`, { redirect: 'manual' });
				expect(redirect.status).toBe(301);
			} finally {
				await api.dispose();
			}
		});
	});

	describe('straight to the app over plain HTTP, with no proxy settings', () => {
		let app: RunningApp;
		beforeAll(async () => {
			app = await startApp(appPort, db.env);
		});
		afterAll(() => app?.stop());

		it('[S-06.3] the desk session cookie is HttpOnly and SameSite=Lax but not Secure (the request was not HTTPS)', async () => {
			await inBrowser(
				true,
				async (page) => {
					expect(await deskSessionCookie(page)).toMatchObject({ secure: false, httpOnly: true, sameSite: 'Lax' });
				},
				app.url
			);
		});
	});

	describe('TRUST_PROXY=1 with a limit of 3 votes a minute', () => {
		let app: RunningApp;
		beforeAll(async () => {
			app = await startApp(appPort, { ...db.env, ...WAYS[0].env, TRUST_PROXY: '1', FEEDBACK_RATE_LIMIT: '3' });
		});
		afterAll(() => app?.stop());

		it('[S-07.1] keys on the address nginx saw: a new forged X-Forwarded-For on every vote still gets 429', async () => {
			const api = await request.newContext({ ignoreHTTPSErrors: true, baseURL: origin });
			try {
				const statuses: number[] = [];
				for (let i = 1; i <= 5; i++) {
					const res = await api.post('/api/v1/guides/calf-cramps/feedback', {
						data: { lang: 'en', helpful: true },
						headers: { 'x-forwarded-for': `198.51.100.${i}` }
					});
					statuses.push(res.status());
				}
				expect(statuses).toEqual([201, 201, 201, 429, 429]);
			} finally {
				await api.dispose();
			}
		});
	});
});
