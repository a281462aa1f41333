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

/** @typedef {{ body: Buffer, etag: string, ok: string[], notModified: string[] }} Representation */
/** @typedef {{ slot: string, fallback: string }} Slot */
/**
 * `available`: the encodings held, in ENCODINGS' order, and joined (the negotiation memo's
 * key); `refused`: the 406 answer's headers.
 * @typedef {{ csp: string, parts: (string | Slot)[], representations: Partial<Record<'br' | 'gzip' | 'identity', Representation>>, available: string[], availableKey: string, refused: string[] }} Page
 */

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
	 * @param {string[]} headers what every answer carries besides (name, value, name, value, …)
	 */
	constructor(dir, cspFor, headers = []) {
		this.cspFor = cspFor;
		this.headers = headers;
		if (!existsSync(dir)) return;
		for (const entry of readdirSync(dir, { recursive: true })) {
			if (typeof entry !== 'string' || !entry.endsWith('.html')) continue;
			const file = join(dir, entry);
			const identity = readFileSync(file);
			const html = identity.toString('utf8');
			/** @type {Page} */
			const page = { csp: cspFor(html), parts: partsOf(html), representations: {}, available: [], availableKey: '', refused: [] };
			this.#represent(page, {
				identity,
				br: existsSync(`${file}.br`) ? readFileSync(`${file}.br`) : undefined,
				gzip: existsSync(`${file}.gz`) ? readFileSync(`${file}.gz`) : undefined
			});
			this.#pages.set(pathOf(entry), page);
		}
	}

	/**
	 * Sets a page's encoded bodies and builds, once, the headers of every answer it can
	 * give: a request only picks a prebuilt list (writeHead with a raw array skips
	 * Node's per-header bookkeeping of setHeader).
	 * @param {Page} page
	 * @param {Partial<Record<'br' | 'gzip' | 'identity', Buffer>>} bodies
	 */
	#represent(page, bodies) {
		const common = [...this.headers, 'vary', 'accept-encoding', 'cache-control', CACHE_CONTROL, 'content-security-policy', page.csp];
		page.representations = {};
		for (const encoding of ENCODINGS) {
			const body = bodies[/** @type {'br'} */ (encoding)];
			if (!body) continue;
			const etag = etagOf(body);
			const notModified = [...common, 'etag', etag];
			const ok = [
				...notModified,
				'content-type',
				'text/html; charset=utf-8',
				...(encoding === 'identity' ? [] : ['content-encoding', encoding]),
				'content-length',
				String(body.length)
			];
			page.representations[/** @type {'br'} */ (encoding)] = { body, etag, ok, notModified };
		}
		page.available = ENCODINGS.filter((e) => page.representations[/** @type {'br'} */ (e)]);
		page.availableKey = page.available.join();
		page.refused = [...common, 'content-type', 'text/plain; charset=utf-8'];
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
	 * @param {Page} page
	 */
	#encoding(req, { available, availableKey }) {
		const key = `${req.headers['accept-encoding'] ?? ''}\n${availableKey}`;
		const known = this.#negotiated.get(key);
		if (known !== undefined || this.#negotiated.has(key)) return known;
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
			this.#represent(page, {
				identity,
				br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
				gzip: gzipSync(identity, { level: 9 })
			});
		}
	}

	/**
	 * Answers a GET or HEAD for a page held in memory; returns false (sending nothing) when
	 * the request is not one for this module. `extra`: this answer's own headers (name,
	 * value, …), sent before the page's.
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 * @param {string[]} [extra]
	 */
	serve(req, res, extra = []) {
		if (req.method !== 'GET' && req.method !== 'HEAD') return false;
		const url = req.url ?? '/';
		const query = url.indexOf('?');
		const page = this.#pages.get(query === -1 ? url : url.slice(0, query));
		if (!page) return false;
		const encoding = this.#encoding(req, page);
		if (!encoding) {
			// Every encoding we have was refused (e.g. `identity;q=0` and no br/gzip).
			res.writeHead(406, extra.concat(page.refused));
			res.end(req.method === 'HEAD' ? undefined : `Not acceptable: this page is available as ${page.available.join(', ')}`);
			return true;
		}
		const chosen = /** @type {Representation} */ (page.representations[encoding]);
		if (noneMatch(req.headers['if-none-match'], chosen.etag)) {
			res.writeHead(304, extra.concat(chosen.notModified)).end();
			return true;
		}
		res.writeHead(200, extra.concat(chosen.ok)).end(req.method === 'HEAD' ? undefined : chosen.body);
		return true;
	}
}
