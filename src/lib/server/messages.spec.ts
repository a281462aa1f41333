import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs, COMMON_MESSAGES, covers, messagesFor, ROUTE_MESSAGES } from './messages';

// In the browser a page has only the messages the root layout sent it (messagesFor), and `t`
// throws on any other. So every key the browser can reach on each page, through every module
// its components import (statically or on demand), must be sent: read from the source, for
// every route, so a new key or a new page cannot slip through untested states.

const ROUTES = 'src/routes';
const keys = Object.keys(catalogs.en);

/** The module `spec` names from `from`, if it is the app's own code (not a package, not $app). */
function resolve(from: string, spec: string): string | undefined {
	const base = spec.startsWith('$lib/') ? join('src/lib', spec.slice(5)) : spec.startsWith('.') ? join(dirname(from), spec) : undefined;
	if (base === undefined) return undefined;
	return [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')].find((f) => existsSync(f) && statSync(f).isFile());
}

// `import x from '…'`, `export … from '…'`, `import '…'`, `import('…')`; not `import type` (erased)
const IMPORT = /(?:^|[^\w$.])(?:import|export)\s*(?!type\b)(?:[\w*{},\s$]+from\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
/** Every module of the app's own that runs in the browser from `files` on. */
function reach(files: string[]): Set<string> {
	const seen = new Set<string>();
	const todo = [...files];
	while (todo.length) {
		const file = todo.pop()!;
		if (seen.has(file)) continue;
		seen.add(file);
		for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
			const found = resolve(file, m[1] ?? m[2]);
			// server modules never reach the browser (SvelteKit refuses to bundle them)
			if (found && /\.(ts|js|svelte)$/.test(found) && !found.split(sep).includes('server')) todo.push(found);
		}
	}
	return seen;
}

/**
 * The keys `files` can show: every string that is a key, and every template literal that starts
 * like one (`diary.leg.${e.leg}` may be any `diary.leg.…`), by where it is found.
 */
function used(files: Iterable<string>): Map<string, string> {
	const out = new Map<string, string>();
	for (const file of files)
		for (const m of readFileSync(file, 'utf8').matchAll(/'([\w.]+)'|"([\w.]+)"|`([\w.]+)(`|\$\{)/g)) {
			const text = m[1] ?? m[2] ?? m[3];
			if (m[4] === '${') {
				if (text.includes('.') && keys.some((k) => k.startsWith(text))) out.set(`${text}…`, file);
			} else if (text in catalogs.en) out.set(text, file);
		}
	return out;
}
/** The keys a found key stands for: itself, or every key its family's start begins. */
const meant = (found: string) => (found.endsWith('…') ? keys.filter((k) => k.startsWith(found.slice(0, -1))) : [found]);
const sent = (prefixes: string[], found: string) => meant(found).every((k) => prefixes.some((p) => covers(p, k)));

const pageDirs = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
		d.isDirectory() ? pageDirs(join(dir, d.name)) : d.name === '+page.svelte' ? [dir] : []
	);
const routeId = (dir: string) => `/${relative(ROUTES, dir).split(sep).join('/')}`.replace(/\/$/, '') || '/';
/** A route runs in the browser unless its page or a layout above it sets `csr = false`. */
function runsInBrowser(dir: string): boolean {
	const files = ['+page.ts', '+page.server.ts'].map((f) => join(dir, f));
	for (let d = dir; ; d = dirname(d)) {
		files.push(join(d, '+layout.ts'), join(d, '+layout.server.ts'));
		if (d === ROUTES) break;
	}
	return !files.some((f) => existsSync(f) && /export const csr = false/.test(readFileSync(f, 'utf8')));
}
const browserRoutes = pageDirs(ROUTES).filter(runsInBrowser);
const shell = ['+layout.svelte', '+error.svelte', '[lang=lang]/+layout.svelte'].map((f) => join(ROUTES, f));
const missing = (prefixes: string[], found: Map<string, string>) =>
	[...found].filter(([key]) => !sent(prefixes, key)).map(([key, file]) => `${key} (${file})`);

describe('the messages each page is sent', () => {
	it('the pages that run in the browser are the ones found', () => {
		// the walk below is only as good as this list: a page that stops running JS leaves it here
		expect(browserRoutes.map(routeId).sort()).toEqual(
			expect.arrayContaining(['/[lang=lang]/diary', '/[lang=lang]/first-aid', '/[lang=lang]/plan', '/[lang=lang]/check/result'])
		);
	});

	it('the header, footer and error page have their words from the root alone (a 404 has no route)', () => {
		expect(missing(COMMON_MESSAGES, used(reach(shell)))).toEqual([]);
	});

	for (const dir of browserRoutes) {
		const id = routeId(dir);
		it(`${id}: every key its code can show is sent, and every prefix sent is shown`, () => {
			const prefixes = [...COMMON_MESSAGES, ...(ROUTE_MESSAGES[id] ?? [])];
			const page = [join(dir, '+page.svelte'), ...['+page.ts', '+page.server.ts'].map((f) => join(dir, f)).filter(existsSync)];
			const found = new Map([...used(reach(shell)), ...used(reach(page))]);
			expect(missing(prefixes, found)).toEqual([]);
			const shown = [...found.keys()].flatMap(meant);
			const idle = (ROUTE_MESSAGES[id] ?? []).filter((p) => !shown.some((k) => covers(p, k)));
			expect(idle).toEqual([]);
		});
	}

	it('names only routes that run in the browser', () => {
		expect(Object.keys(ROUTE_MESSAGES).filter((id) => !browserRoutes.map(routeId).includes(id))).toEqual([]);
	});

	it('sends a page the messages of its prefixes in its language, and no others', () => {
		const diary = messagesFor('ru', '/[lang=lang]/diary');
		expect(diary['diary.title']).toBe(catalogs.ru['diary.title']);
		expect(diary['nav.skip']).toBe(catalogs.ru['nav.skip']);
		expect(diary['plan.title']).toBeUndefined();
		expect(Object.keys(messagesFor('en', null)).every((k) => COMMON_MESSAGES.some((p) => covers(p, k)))).toBe(true);
	});
});
