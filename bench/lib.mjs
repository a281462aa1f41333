// Shared by the benchmarks: start the built server, run wrk, start nginx, print a
// table and keep the JSON. Loopback only; every run is bounded in time.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { createServer } from 'vite';
import { adapterEnv } from '../serving/adapter-env.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS = join(ROOT, 'bench', 'results');
const DEFAULT_PORTS = {
	app: 4280,
	nginx: 4281,
	appPg: 4282,
	lighthouse: 4283,
	soak: 4284,
	nginxTls: 4285,
	app2: 4286,
	balanced1: 4276,
	balanced2: 4277
};
/**
 * Loopback ports the benchmarks listen on. BENCH_PORT_BASE=N moves all of them to N, N+1, …
 * (in the order above), so two people benchmarking on one machine never collide.
 */
export const PORTS = process.env.BENCH_PORT_BASE
	? Object.fromEntries(Object.keys(DEFAULT_PORTS).map((name, i) => [name, Number(process.env.BENCH_PORT_BASE) + i]))
	: DEFAULT_PORTS;
/** The routes whose weight and Lighthouse scores are tracked; some arrive with later features. */
export const ROUTES = {
	guide: '/en/guides/calf-cramps',
	'first aid': '/en/first-aid',
	check: '/en/check',
	diary: '/en/diary',
	plan: '/en/plan'
};
/** The PostgreSQL server where benchmarks create (and drop) throwaway databases. */
export const BENCH_SERVER = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** A new, empty database on BENCH_SERVER named after `purpose`: its URL and how to drop it. */
export async function throwawayDatabase(purpose) {
	const name = `fn_bench_${purpose}_${process.pid}`;
	const admin = async (query) => {
		const client = new pg.Client({ connectionString: BENCH_SERVER });
		await client.connect();
		try {
			await client.query(query);
		} finally {
			await client.end();
		}
	};
	await admin(`create database ${name}`);
	return {
		url: Object.assign(new URL(BENCH_SERVER), { pathname: `/${name}` }).toString(),
		drop: () => admin(`drop database if exists ${name} with (force)`)
	};
}

/**
 * After a bulk load of `feedback` that bypassed the site's vote statement: both count tables
 * (src/lib/server/feedback.ts keeps them per vote) rebuilt from the rows, all in shard 0.
 * `query` is a pg client's or pool's query.
 */
export async function rebuildCounts(query) {
	await query('delete from feedback_counts');
	await query('insert into feedback_counts (guide, helpful, shard, votes) select guide, helpful, 0, count(*) from feedback group by 1, 2');
	await query('delete from feedback_weekly');
	await query(
		`insert into feedback_weekly (week, guide, lang, helpful, shard, votes)
		 select date_trunc('week', created_at at time zone 'UTC')::date, guide, lang, helpful, 0, count(*) from feedback group by 1, 2, 3, 4`
	);
}

/**
 * The self-check's engine over the real content, its TypeScript compiled by Vite on the fly so
 * it runs as in the app. `use` gets the library, `assess` and the input schema; Vite then closes.
 */
export async function withEngine(use) {
	const vite = await createServer({
		root: ROOT,
		configFile: false,
		logLevel: 'error',
		server: { middlewareMode: true },
		appType: 'custom'
	});
	try {
		const { parseLibrary } = await vite.ssrLoadModule('/src/lib/core/content/library.ts');
		const { readContentFiles } = await vite.ssrLoadModule('/src/lib/server/content-files.ts');
		const { assess } = await vite.ssrLoadModule('/src/lib/core/assessment/engine.ts');
		const { assessmentInputSchema } = await vite.ssrLoadModule('/src/lib/core/assessment/input.ts');
		const lib = parseLibrary(readContentFiles(ROOT));
		if (!lib.ok) throw new Error('content is invalid; run npx vitest run src/lib/core/content/library.spec.ts');
		return await use({ lib: lib.value, assess, assessmentInputSchema });
	} finally {
		await vite.close();
	}
}

/** Seconds per load run; BENCH_SECONDS=1 makes a quick smoke run. */
export const SECONDS = Number(process.env.BENCH_SECONDS || 5);

export function requireTool(name, install) {
	if (spawnSync('sh', ['-c', `command -v ${name}`]).status === 0) return;
	console.error(`${name} is not installed; this benchmark needs it. On Debian/Ubuntu: ${install}`);
	process.exit(2);
}

export function requireBuild() {
	if (existsSync(join(ROOT, 'build/handler.js'))) return;
	console.error('No build: run `npm run build` first.');
	process.exit(2);
}

export const tempDir = (name) => mkdtempSync(join(tmpdir(), `fitnavigator-bench-${name}-`));
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `url` until it answers 200; returns the ms it took. */
export async function waitFor(url, limitMs = 60_000) {
	const started = performance.now();
	for (;;) {
		const ok = await fetch(url)
			.then((r) => r.ok)
			.catch(() => false);
		if (ok) return performance.now() - started;
		if (performance.now() - started > limitMs) throw new Error(`${url} did not answer in ${limitMs} ms`);
		await sleep(5);
	}
}

/** `node server.js` on a loopback port; resolves once /readyz answers. */
export async function startApp(port, env = {}) {
	const child = spawn(process.execPath, ['server.js'], {
		cwd: ROOT,
		env: adapterEnv({ ...process.env, HOST: '127.0.0.1', PORT: String(port), FEEDBACK_RATE_LIMIT: '0', ...env }),
		stdio: ['ignore', 'ignore', 'inherit']
	});
	let stopping = false;
	child.once('exit', (code, signal) => {
		if (!stopping) console.error(`The server on port ${port} exited unexpectedly (code ${code}, signal ${signal}).`);
	});
	// A busy machine may take minutes to migrate a new database; a server that never comes up is not left behind.
	await waitFor(`http://127.0.0.1:${port}/readyz`, 180_000).catch((e) => {
		stopping = true;
		child.kill('SIGKILL');
		throw e;
	});
	return {
		url: `http://127.0.0.1:${port}`,
		pid: child.pid,
		alive: () => child.exitCode === null && child.signalCode === null,
		stop: () =>
			new Promise((resolve) => {
				stopping = true;
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', resolve);
				child.kill('SIGTERM');
			})
	};
}

/** nginx serving `files` ({ urlPath: filePath }) as static files on a loopback port. */
export async function startNginx(port, files) {
	const locations = Object.entries(files)
		.map(([path, file]) => `location = ${path} { default_type text/html; alias ${file}; }`)
		.join('\n    ');
	return runNginx(`server {\n    listen 127.0.0.1:${port};\n    ${locations}\n  }`, `http://127.0.0.1:${port}${Object.keys(files)[0]}`);
}

/** A self-signed certificate for 127.0.0.1, made now. */
export function makeCertificate() {
	const dir = tempDir('tls');
	const cert = join(dir, 'cert.pem');
	const key = join(dir, 'key.pem');
	spawnSync('openssl', [
		...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'],
		...['-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert]
	]);
	return { cert, key };
}

/** nginx with the given `http { … }` contents (server and upstream blocks); resolves once `probe` answers. */
export async function runNginx(blocks, probe) {
	const dir = tempDir('nginx');
	// One worker, like the one Node process it is compared with; keep-alive as long as Node's.
	const conf = `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  ${blocks}
}
`;
	writeFileSync(join(dir, 'nginx.conf'), conf);
	const child = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (probe.startsWith('https:')) {
		const tls = await import('node:tls');
		const { hostname, port } = new URL(probe);
		const started = performance.now();
		while (
			!(await new Promise((resolve) => {
				const socket = tls.connect({ host: hostname, port: Number(port), rejectUnauthorized: false }, () => resolve(socket.end() && true));
				socket.once('error', () => resolve(false));
			}))
		) {
			if (performance.now() - started > 10_000) throw new Error(`nginx did not answer on ${probe}`);
			await sleep(20);
		}
	} else await waitFor(probe, 10_000);
	return {
		pid: child.pid,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', resolve);
				child.kill('SIGQUIT');
			})
	};
}

const WRK_REPORT = join(ROOT, 'bench', 'wrk-report.lua');

/**
 * wrk against `url` with `connections` open connections for SECONDS. `lua` may set
 * wrk.method/body/headers. Returns requests/s, latency percentiles (ms) and errors.
 */
export async function wrk(url, { connections, seconds = SECONDS, lua } = {}) {
	const dir = tempDir('wrk');
	const script = join(dir, 'script.lua');
	writeFileSync(script, `${lua ?? ''}\n${readFileSync(WRK_REPORT, 'utf8')}`);
	const { stdout: out } = await promisify(execFile)(
		'wrk',
		['-t', String(Math.min(2, connections)), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '5s', '-s', script, url],
		{ encoding: 'utf8', timeout: (seconds + 30) * 1000 }
	);
	const line = out.split('\n').find((l) => l.startsWith('WRK_JSON '));
	if (!line) throw new Error(`wrk gave no report:\n${out}`);
	return JSON.parse(line.slice('WRK_JSON '.length));
}

/** wrk Lua that POSTs `body` as JSON. */
export const postJson = (body) =>
	`wrk.method = "POST"\nwrk.body = '${JSON.stringify(body)}'\nwrk.headers["Content-Type"] = "application/json"`;

export function table(title, rows) {
	console.log(`\n${title}`);
	console.table(rows);
}

export function save(name, data) {
	mkdirSync(RESULTS, { recursive: true });
	const file = join(RESULTS, `${name}.json`);
	writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), machine: machine(), ...data }, null, '\t') + '\n');
	console.log(`→ ${file}`);
}

function machine() {
	const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
	return { node: process.version, cpus: availableParallelism(), loadAverage: load };
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/**
 * CPU time (µs, user + system, all threads) used so far by process `pid` and its children
 * (nginx's worker under its master), from /proc. Divided by the requests served it gives
 * CPU per request, which other work on a busy machine changes far less than req/s.
 */
export function cpuMicros(pid) {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
	const [utime, stime] = stat
		.slice(stat.lastIndexOf(')') + 2)
		.split(' ')
		.slice(11, 13)
		.map(Number);
	const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ').filter(Boolean);
	return ((utime + stime) * 1e6) / CLOCK_TICKS + children.reduce((sum, child) => sum + cpuMicros(Number(child)), 0);
}

export const round = (n, digits = 0) => Number(n.toFixed(digits));

/** gzip bytes (level 9, as every weight here counts them). */
export const gzipBytes = (bytes) => gzipSync(bytes, { level: 9 }).length;
const sizes = (bytes) => ({ raw: bytes.length, gzip: gzipBytes(bytes), brotli: brotliCompressSync(bytes).length });
const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const ZERO = { raw: 0, gzip: 0, brotli: 0 };

/**
 * Bytes (raw, gzip, brotli) of a page's HTML and of every CSS and JS file from the build
 * that it loads up front (scripts, modulepreload, stylesheets, the start script's imports).
 */
export function builtWeight(html) {
	const weight = { html: sizes(html), css: ZERO, js: ZERO };
	for (const file of upFront(html)) {
		const kind = file.endsWith('.css') ? 'css' : 'js';
		weight[kind] = add(weight[kind], sizes(readFileSync(join(ROOT, 'build/client', file))));
	}
	return weight;
}

/** The CSS and JS files (paths under build/client) that a built page loads up front. */
export function upFront(html) {
	const files = new Set();
	// Local scripts and stylesheets: _app chunks (often as relative paths) and files from static/.
	const refs = /(?:href|src)="(?:\.{1,2}\/|\/)*([^":]+\.(?:js|css))"|import\("(?:\.{1,2}\/|\/)*([^":]+\.js)"\)/g;
	for (const m of html.toString('utf8').matchAll(refs)) files.add(m[1] ?? m[2]);
	return files;
}
