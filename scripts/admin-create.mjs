#!/usr/bin/env node
// `npm run admin:create -- --email you@example.org [--name "Your Name"]`: the first admin
// (or another one). The password is read from stdin when piped, else asked for without
// echo; there is no default. Uses the same database as the server (DATABASE_URL, else
// PGlite in DATA_DIR — stop the server first: PGlite is single-process) and applies
// migrations first, so it works on a fresh clone. Two-factor is set up at first sign-in.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hashPassword } from 'better-auth/crypto';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../policy/password.js';

/** What the desk's own forms say, for a terminal. */
const PROBLEMS = {
	'too-short': `The password needs at least ${PASSWORD_MIN} characters.`,
	'too-long': `The password may have at most ${PASSWORD_MAX} characters.`,
	blank: 'The password cannot be only spaces.',
	common: 'That password is common or easy to guess. Try a few unrelated words together.',
	same: 'The new password must differ from the current one.'
};

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
const email = values.email?.trim().toLowerCase();
if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
	console.error('Usage: npm run admin:create -- --email you@example.org [--name "Your Name"]  (password on stdin or at the prompt)');
	process.exit(2);
}

async function readPassword() {
	if (!process.stdin.isTTY) {
		let text = '';
		for await (const chunk of process.stdin) text += chunk;
		return text.replace(/\r?\n$/, '');
	}
	const ask = (prompt) =>
		new Promise((done) => {
			process.stdout.write(prompt);
			process.stdin.setRawMode(true);
			process.stdin.resume();
			let typed = '';
			const onData = (buffer) => {
				for (const ch of buffer.toString('utf8')) {
					if (ch === '\r' || ch === '\n') {
						process.stdin.setRawMode(false);
						process.stdin.pause();
						process.stdin.off('data', onData);
						process.stdout.write('\n');
						return done(typed);
					}
					if (ch === '\u0003') process.exit(130);
					typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
				}
			};
			process.stdin.on('data', onData);
		});
	const first = await ask('Password: ');
	if ((await ask('Again: ')) !== first) {
		console.error('The passwords differ.');
		process.exit(1);
	}
	return first;
}

const password = await readPassword();
const problem = await passwordProblem(password, { userInputs: [email, values.name ?? ''] });
if (problem) {
	console.error(PROBLEMS[problem]);
	process.exit(1);
}

/** The server's database, migrated; a `query(text, values)` and a `close()`. */
async function open() {
	const migrationsFolder = resolve('drizzle');
	if (process.env.DATABASE_URL) {
		const { default: pg } = await import('pg');
		const { drizzle } = await import('drizzle-orm/node-postgres');
		const { migrate } = await import('drizzle-orm/node-postgres/migrator');
		const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
		await migrate(drizzle(pool), { migrationsFolder });
		return { query: (text, params) => pool.query(text, params), close: () => pool.end() };
	}
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	const dir = join(resolve(process.env.DATA_DIR || 'data'), 'pglite');
	mkdirSync(dir, { recursive: true });
	const client = await PGlite.create(dir);
	await migrate(drizzle(client), { migrationsFolder });
	return { query: (text, params) => client.query(text, params), close: () => client.close() };
}

const db = await open();
try {
	const id = randomBytes(16).toString('base64url');
	const name = values.name?.trim() || email.split('@')[0];
	const hash = await hashPassword(password);
	await db.query('begin');
	const taken = await db.query('select 1 from desk_user where email = $1', [email]);
	if (taken.rows.length) {
		await db.query('rollback');
		console.error(`An account for ${email} already exists.`);
		process.exitCode = 1;
	} else {
		await db.query(`insert into desk_user (id, name, email, email_verified, role) values ($1, $2, $3, true, 'admin')`, [id, name, email]);
		await db.query(`insert into desk_account (id, account_id, provider_id, user_id, password) values ($1, $2, 'credential', $2, $3)`, [
			randomBytes(16).toString('base64url'),
			id,
			hash
		]);
		await db.query(`insert into desk_audit (actor_email, action, target, after) values ('command line', 'account.create', $1, $2)`, [
			email,
			JSON.stringify({ role: 'admin', name })
		]);
		await db.query('commit');
		console.log(`Admin ${email} created. Sign in at /editor and set up two-factor sign-in.`);
	}
} finally {
	await db.close();
}
