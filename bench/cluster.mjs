// Running it as a deployment does. (1) The guide page through nginx terminating TLS and
// proxying to the built server, next to the same nginx serving the same file over TLS
// itself (the proxy's own ceiling). (2) Votes/s and p99 through nginx to one and to two
// app processes on one PostgreSQL (a throwaway database).
import { join } from 'node:path';
import {
	ROOT,
	PORTS,
	makeCertificate,
	postJson,
	requireBuild,
	requireTool,
	round,
	runNginx,
	save,
	startApp,
	table,
	tempDir,
	wrk
} from './lib.mjs';

requireBuild();
requireTool('wrk', 'sudo apt-get install -y wrk');
requireTool('nginx', 'sudo apt-get install -y nginx-light');
const PAGE = '/en/guides/calf-cramps';
const VOTES = '/api/v1/guides/calf-cramps/feedback';
const CONNECTIONS = 32;
const { cert, key } = makeCertificate();
const PROXY = `proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme; proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`;
const upstream = (name, ports) => `upstream ${name} { ${ports.map((p) => `server 127.0.0.1:${p};`).join(' ')} keepalive 32; }`;
const median = (runs) => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)];
const rows = [];
const raw = {};

// (1) TLS: proxied to Node vs served by nginx.
{
	const app = await startApp(PORTS.app, {
		DATA_DIR: tempDir('cluster'),
		PROTOCOL_HEADER: 'x-forwarded-proto',
		HOST_HEADER: 'x-forwarded-host'
	});
	const tls = `listen 127.0.0.1:%PORT% ssl; ssl_certificate ${cert}; ssl_certificate_key ${key};`;
	const nginx = await runNginx(
		`${upstream('app', [PORTS.app])}
  server { ${tls.replace('%PORT%', PORTS.nginxTls)} location / { proxy_pass http://app; ${PROXY} } }
  server { ${tls.replace('%PORT%', PORTS.nginx)} location = ${PAGE} { default_type text/html; alias ${join(ROOT, 'build/prerendered/en/guides/calf-cramps.html')}; } }`,
		`https://127.0.0.1:${PORTS.nginxTls}`
	);
	try {
		const proxied = `https://127.0.0.1:${PORTS.nginxTls}${PAGE}`;
		const statik = `https://127.0.0.1:${PORTS.nginx}${PAGE}`;
		await wrk(proxied, { connections: CONNECTIONS, seconds: 1 });
		await wrk(statik, { connections: CONNECTIONS, seconds: 1 });
		const viaNode = [];
		const viaNginx = [];
		for (let i = 0; i < 3; i++) {
			viaNode.push(await wrk(proxied, { connections: CONNECTIONS }));
			viaNginx.push(await wrk(statik, { connections: CONNECTIONS }));
		}
		const node = median(viaNode);
		const file = median(viaNginx);
		rows.push(
			{
				what: 'guide: nginx TLS → Node (pages from memory)',
				'req/s': round(node.rps),
				'p50 ms': node.p50ms,
				'p99 ms': node.p99ms,
				errors: node.errors
			},
			{
				what: 'guide: nginx TLS serving the file',
				'req/s': round(file.rps),
				'p50 ms': file.p50ms,
				'p99 ms': file.p99ms,
				errors: file.errors
			},
			{ what: '  ratio (proxied / static)', 'req/s': round(node.rps / file.rps, 2) }
		);
		raw.tls = { proxied: viaNode, static: viaNginx };
	} finally {
		await nginx.stop();
		await app.stop();
	}
}

// (2) Votes on one and two instances, one PostgreSQL.
const database = await throwawayDatabase('cluster');
const url = database.url;
try {
	const apps = await Promise.all([PORTS.app, PORTS.app2].map((port) => startApp(port, { DATABASE_URL: url, TRUST_PROXY: '1' })));
	const nginx = await runNginx(
		`${upstream('one', [PORTS.app])} ${upstream('two', [PORTS.app, PORTS.app2])}
  server { listen 127.0.0.1:${PORTS.balanced1}; location / { proxy_pass http://one; ${PROXY} } }
  server { listen 127.0.0.1:${PORTS.balanced2}; location / { proxy_pass http://two; ${PROXY} } }`,
		`http://127.0.0.1:${PORTS.balanced2}/healthz`
	);
	try {
		const lua = postJson({ lang: 'en', helpful: true, comment: 'benchmark' });
		for (const [instances, port] of [
			[1, PORTS.balanced1],
			[2, PORTS.balanced2]
		]) {
			await wrk(`http://127.0.0.1:${port}${VOTES}`, { connections: CONNECTIONS, seconds: 1, lua });
			const run = await wrk(`http://127.0.0.1:${port}${VOTES}`, { connections: CONNECTIONS, lua });
			rows.push({
				what: `votes via nginx → ${instances} instance(s), PostgreSQL`,
				'req/s': round(run.rps),
				'p50 ms': run.p50ms,
				'p99 ms': run.p99ms,
				errors: run.errors
			});
			raw[`votes${instances}`] = run;
		}
	} finally {
		await nginx.stop();
		await Promise.all(apps.map((app) => app.stop()));
	}
} finally {
	await database.drop();
}

table(`Deployment shape: TLS proxy and instances (${CONNECTIONS} connections; 2 cores shared by everything, nginx included)`, rows);
save('cluster', { connections: CONNECTIONS, summary: rows, raw });
