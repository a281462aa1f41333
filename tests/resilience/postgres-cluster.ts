// A private PostgreSQL server for the database-restart test: its own data folder under
// /tmp and its own port, so stopping it never disturbs the shared server on 5432 that
// other test runs use. Runs as the postgres user when we are root (initdb refuses root).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's newest PostgreSQL server binaries, or undefined when none are installed. */
export function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
	return versions.length ? join(root, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin') : undefined;
}

export type Cluster = { url: string; start(): void; stop(): void; destroy(): void };

export function createCluster(port: number, bin: string): Cluster {
	const dir = mkdtempSync(join(tmpdir(), 'fitnavigator-pg-'));
	chmodSync(dir, 0o777);
	const data = join(dir, 'data');
	const asPostgres = process.getuid?.() === 0;
	const run = (tool: string, args: string[]) => {
		const command = [join(bin, tool), ...args];
		const [file, argv] = asPostgres
			? ['su', ['postgres', '-s', '/bin/sh', '-c', command.map((a) => `'${a}'`).join(' ')]]
			: [command[0], command.slice(1)];
		execFileSync(file, argv as string[], { stdio: 'pipe', timeout: 30_000 });
	};
	run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
	const start = () =>
		run('pg_ctl', [
			'-D',
			data,
			'-l',
			join(dir, 'log'),
			'-w',
			'-o',
			`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
			'start'
		]);
	start();
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		start,
		// "fast": what a restart by an operator or a package upgrade does — open sessions are cut.
		stop: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
		destroy() {
			try {
				run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
			} catch {
				// already stopped
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
