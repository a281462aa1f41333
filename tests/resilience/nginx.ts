// Runs Debian's nginx with the shipped example config (deploy/nginx.conf) on loopback
// ports, terminating TLS with a certificate made now by openssl. Only the ports,
// upstream addresses and file paths are changed, each by an exact substitution that
// must match, so the test runs the file an operator copies.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));

export type Reply = { status: number; body: string; headers: http.IncomingHttpHeaders };
export type Nginx = {
	url: string;
	log: () => string;
	/** A request over TLS to nginx, trusting only the certificate made for this run; the path is sent exactly as given (no dot-segment clean-up). */
	request(path: string, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Reply>;
	stop(): Promise<void>;
};

function substitute(text: string, from: string, to: string): string {
	if (!text.includes(from)) throw new Error(`deploy/nginx.conf no longer contains "${from}": update tests/resilience/nginx.ts`);
	return text.replace(from, to);
}

/** A self-signed certificate for localhost and 127.0.0.1, valid for a day. */
export function makeCertificate(dir: string): { cert: string; key: string } {
	const cert = join(dir, 'cert.pem');
	const key = join(dir, 'key.pem');
	execFileSync(
		'openssl',
		[
			...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'],
			...['-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert]
		],
		{ stdio: 'pipe' }
	);
	return { cert, key };
}

/** nginx on `ports.https` (and `ports.http`, which redirects) in front of the app processes on `upstreams`. */
export async function startNginx(ports: { https: number; http: number }, upstreams: number[]): Promise<Nginx> {
	if (!NGINX) throw new Error('nginx is not installed (apt-get install nginx-light)');
	const dir = mkdtempSync(join(tmpdir(), 'fitnavigator-nginx-'));
	const { cert, key } = makeCertificate(dir);
	let site = readFileSync('deploy/nginx.conf', 'utf8');
	site = substitute(
		site,
		'\tserver 127.0.0.1:3000 max_fails=1 fail_timeout=5s;\n\tserver 127.0.0.1:3001 max_fails=1 fail_timeout=5s;\n',
		upstreams.map((port) => `\tserver 127.0.0.1:${port} max_fails=1 fail_timeout=5s;\n`).join('')
	);
	site = substitute(site, 'listen 80;', `listen 127.0.0.1:${ports.http};`);
	site = substitute(site, 'listen 443 ssl http2;', `listen 127.0.0.1:${ports.https} ssl http2;`);
	site = substitute(site, '/etc/ssl/fitnavigator/fullchain.pem', cert);
	site = substitute(site, '/etc/ssl/fitnavigator/privkey.pem', key);
	site = substitute(site, 'shared:fitnavigator_tls:10m', `shared:tls_${ports.https}:1m`);
	writeFileSync(join(dir, 'site.conf'), site);
	writeFileSync(
		join(dir, 'nginx.conf'),
		`worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 512; }
http {
	access_log ${dir}/access.log;
	client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi;
	uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
	include ${dir}/site.conf;
}
`
	);
	const child = spawn(NGINX, ['-c', join(dir, 'nginx.conf'), '-p', dir, '-e', join(dir, 'error.log')], { stdio: 'ignore' });
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const log = () => ['error.log', 'access.log'].map((f) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : '')).join('\n');
	const url = `https://127.0.0.1:${ports.https}`;
	const deadline = Date.now() + 10_000;
	// Node's fetch cannot be told to trust one certificate; the port answering TLS is enough here.
	while (!(await tlsAnswers(ports.https))) {
		if (child.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not start:\n${log()}`);
		await new Promise((r) => setTimeout(r, 50));
	}
	const agent = new https.Agent({ ca: readFileSync(cert), keepAlive: true, maxSockets: 16 });
	return {
		url,
		log,
		request: (path, init = {}) =>
			new Promise<Reply>((resolve, reject) => {
				const req = https.request(
					{ host: 'localhost', port: ports.https, path, agent, method: init.method ?? 'GET', headers: init.headers, timeout: 15_000 },
					(res) => {
						let body = '';
						res.setEncoding('utf8');
						res.on('data', (d) => (body += d));
						res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
						res.on('error', reject);
					}
				);
				req.on('timeout', () => req.destroy(new Error(`no answer from nginx within 15 s: ${path}`)));
				req.on('error', reject);
				req.end(init.body);
			}),
		async stop() {
			agent.destroy();
			if (child.exitCode === null) child.kill('SIGQUIT');
			await exited;
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

async function tlsAnswers(port: number): Promise<boolean> {
	const tls = await import('node:tls');
	return new Promise((resolve) => {
		const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
			socket.end();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}
