// Prerendered pages (every guide) served from memory, in the encodings the build
// precompressed: the page a reader in pain asks for is one Map lookup away, not a file
// read per request. HTTP semantics follow RFC 9110: the encoding is negotiated with q
// values (q=0 refuses one), each encoded representation has its own strong ETag,
// If-None-Match takes a list and compares weakly, HEAD gets the headers alone, and every
// answer says it varies with Accept-Encoding.
//
// A page may hold named slots, `<span data-review-slot="NAME">default</span>` (the desk's
// review line): the page is split at them once, at load, and `fillSlot` renders every page
// holding that slot again with new content, recompressed, each encoding with a new ETag.
// Nothing is rendered per request.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import Negotiator from 'negotiator';

/**
 * Any cache (a browser, a CDN) may keep a page five minutes and then revalidate it with
 * its ETag; a content change reaches everyone within that.
 */
const CACHE_CONTROL = 'public, max-age=300';

/** Server preference among encodings the client likes equally: smallest first. */
const ENCODINGS = ['br', 'gzip', 'identity'];

/** @typedef {{ body: Buffer, etag: string }} Representation */
/** @typedef {{ slot: string, fallback: string }} Slot */
/** @typedef {{ csp: string, parts: (string | Slot)[], representations: Partial<Record<'br' | 'gzip' | 'identity', Representation>> }} Page */

/** A slot's marker as the page was prerendered: its name and its default content (text, no tags). */
const SLOT = /<span data-review-slot="([^"<>]+)">([^<]*)<\/span>/g;
const open = (/** @type {string} */ name) => `<span data-review-slot="${name}">`;

/** The page's HTML cut at its slots: text, slot, text, … (one text part when it has none). */
function partsOf(/** @type {string} */ html) {
	/** @type {(string | Slot)[]} */
	const parts = [];
	let at = 0;
	for (const match of html.matchAll(SLOT)) {
		parts.push(html.slice(at, match.index), { slot: match[1], fallback: match[2] });
		at = match.index + match[0].length;
	}
	parts.push(html.slice(at));
	return parts;
}

const etagOf = (/** @type {Buffer} */ body) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
const representation = (/** @type {Buffer} */ body) => ({ body, etag: etagOf(body) });

/** The URL path a prerendered file answers: `en/guides/x.html` → `/en/guides/x`, `en/index.html` → `/en`. */
export const pathOf = (/** @type {string} */ file) => `/${file.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '')}`;

/**
 * If-None-Match (RFC 9110 §13.1.2): `*` or a comma-separated list of entity tags, compared
 * weakly (a W/ prefix on either side is ignored).
 */
export function noneMatch(/** @type {string | undefined} */ header, /** @type {string} */ etag) {
	if (!header) return false;
	if (header.trim() === '*') return true;
	const opaque = (/** @type {string} */ tag) => tag.trim().replace(/^W\//, '');
	const wanted = opaque(etag);
	return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => opaque(tag) === wanted);
}

export class PrerenderedPages {
	/** @type {Map<string, Page>} */
	#pages = new Map();

	/**
	 * @param {string} dir build/prerendered
	 * @param {(html: string) => string} cspFor the Content-Security-Policy header for a page's HTML
	 */
	constructor(dir, cspFor) {
		this.cspFor = cspFor;
		if (!existsSync(dir)) return;
		for (const entry of readdirSync(dir, { recursive: true })) {
			if (typeof entry !== 'string' || !entry.endsWith('.html')) continue;
			const file = join(dir, entry);
			const identity = readFileSync(file);
			/** @type {Page['representations']} */
			const representations = { identity: representation(identity) };
			if (existsSync(`${file}.br`)) representations.br = representation(readFileSync(`${file}.br`));
			if (existsSync(`${file}.gz`)) representations.gzip = representation(readFileSync(`${file}.gz`));
			const html = identity.toString('utf8');
			this.#pages.set(pathOf(entry), { csp: cspFor(html), parts: partsOf(html), representations });
		}
	}

	/** @type {Map<string, string>} */
	#filled = new Map();
	/** @type {Map<string, 'br' | 'gzip' | 'identity' | undefined>} */
	#negotiated = new Map();

	/**
	 * The encoding to send (undefined: every one refused). Clients send few distinct
	 * Accept-Encoding values, so each is negotiated once; the memo is emptied when it
	 * grows, so headers made up per request cost only the negotiation itself.
	 * @param {import('node:http').IncomingMessage} req
	 * @param {string[]} available
	 */
	#encoding(req, available) {
		const key = `${req.headers['accept-encoding'] ?? ''}\n${available.join()}`;
		if (this.#negotiated.has(key)) return this.#negotiated.get(key);
		// negotiator 1.x takes the server's preference for ties; its published types predate that.
		const negotiator = /** @type {{ encoding(available: string[], options: { preferred: string[] }): string | undefined }} */ (
			/** @type {unknown} */ (new Negotiator(req))
		);
		const encoding = /** @type {'br' | 'gzip' | 'identity' | undefined} */ (negotiator.encoding(available, { preferred: ENCODINGS }));
		if (this.#negotiated.size >= 256) this.#negotiated.clear();
		this.#negotiated.set(key, encoding);
		return encoding;
	}

	/** The names of every slot in any page. */
	slotNames() {
		const names = new Set();
		for (const page of this.#pages.values()) for (const part of page.parts) if (typeof part !== 'string') names.add(part.slot);
		return /** @type {string[]} */ ([...names]);
	}

	/**
	 * Serves `html` in the slot `name` of every page holding it, from now on. A page whose
	 * HTML comes out unchanged keeps its encodings and ETags.
	 */
	fillSlot(/** @type {string} */ name, /** @type {string} */ html) {
		if (!this.slotNames().includes(name)) throw new Error(`No page has the slot ${name}`);
		this.#filled.set(name, html);
		for (const page of this.#pages.values()) {
			if (!page.parts.some((part) => typeof part !== 'string' && part.slot === name)) continue;
			const rendered = page.parts
				.map((part) => (typeof part === 'string' ? part : `${open(part.slot)}${this.#filled.get(part.slot) ?? part.fallback}</span>`))
				.join('');
			const identity = Buffer.from(rendered, 'utf8');
			if (page.representations.identity?.body.equals(identity)) continue;
			page.representations = {
				identity: representation(identity),
				br: representation(brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
				gzip: representation(gzipSync(identity, { level: 9 }))
			};
		}
	}

	/**
	 * Answers a GET or HEAD for a page held in memory; returns false (sending nothing) when
	 * the request is not one for this module.
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 */
	serve(req, res) {
		if (req.method !== 'GET' && req.method !== 'HEAD') return false;
		const page = this.#pages.get((req.url ?? '/').split('?')[0]);
		if (!page) return false;
		res.setHeader('vary', 'accept-encoding');
		res.setHeader('cache-control', CACHE_CONTROL);
		res.setHeader('content-security-policy', page.csp);
		const available = ENCODINGS.filter((e) => page.representations[/** @type {'br'} */ (e)]);
		const encoding = this.#encoding(req, available);
		if (!encoding) {
			// Every encoding we have was refused (e.g. `identity;q=0` and no br/gzip).
			res.statusCode = 406;
			res.setHeader('content-type', 'text/plain; charset=utf-8');
			res.end(req.method === 'HEAD' ? undefined : `Not acceptable: this page is available as ${available.join(', ')}`);
			return true;
		}
		const chosen = /** @type {Representation} */ (page.representations[encoding]);
		res.setHeader('etag', chosen.etag);
		if (noneMatch(req.headers['if-none-match'], chosen.etag)) {
			res.statusCode = 304;
			res.end();
			return true;
		}
		res.setHeader('content-type', 'text/html; charset=utf-8');
		if (encoding !== 'identity') res.setHeader('content-encoding', encoding);
		res.setHeader('content-length', chosen.body.length);
		res.end(req.method === 'HEAD' ? undefined : chosen.body);
		return true;
	}
}
