// The desk's first admin, made as an operator makes one: `npm run admin:create` with the
// password on stdin. Shared by the desk's browser tests and the proxy tests.
import { spawnSync } from 'node:child_process';

/** Runs the command line against the database in `env` (DATA_DIR or DATABASE_URL); returns what it printed. */
export function createAdmin(env: NodeJS.ProcessEnv, admin: { email: string; name: string; password: string }): string {
	// Without the test runner's NODE_OPTIONS (its TypeScript loader), which would slow the child process to a crawl.
	const created = spawnSync(process.execPath, ['scripts/admin-create.mjs', '--email', admin.email, '--name', admin.name], {
		input: `${admin.password}\n`,
		env: { ...env, NODE_OPTIONS: '' },
		encoding: 'utf8'
	});
	if (created.status !== 0) throw new Error(`admin:create exited with ${created.status}:\n${created.stdout}${created.stderr}`);
	return created.stdout + created.stderr;
}
