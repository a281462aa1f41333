// The one link between the Node entry (server.js) and the app bundle. Both import it by its
// package name, @fitnavigator/serving (a local package: package.json "file:serving"), which
// the build leaves external like every dependency, so the process loads it once and the two
// sides share the object below. server.js attaches its page store before it loads the app;
// the app (src/lib/server/desk/hook.ts) fills the store's review slots from it, and gives
// server.js the vote handler it answers votes with before SvelteKit (src/lib/server/vote-link.ts).

/** The Node request property where hooks.server.ts leaves SvelteKit's route id for the request log. */
export const ROUTE_ID = Symbol('fitnavigator.routeId');

/**
 * What the app may do to the pages served from memory (serving/pages.js): fill a named slot.
 * @typedef {{ slotNames(): string[]; fillSlot(name: string, html: string): void }} PageSlots
 */

/**
 * Answers POST /api/v1/guides/:slug/feedback from the Node request with the API route's own
 * code, reading the body itself; undefined (body untouched) leaves the request to SvelteKit.
 * @typedef {(slug: string, req: import('node:http').IncomingMessage) => Promise<Response> | undefined} VoteHandler
 */

export class ServingLink {
	/** @type {PageSlots | undefined} */
	#pages;
	/** @type {VoteHandler | undefined} */
	#votes;

	/** Called once by server.js, before it loads the app. */
	attachPages(/** @type {PageSlots} */ pages) {
		if (this.#pages) throw new Error('The page store is attached once');
		this.#pages = pages;
	}

	/** The page store, when the app runs under server.js (not under `vite dev` or in a unit test). */
	get pages() {
		return this.#pages;
	}

	/** Called by the app when it starts (again after a reload under `vite dev`: the newest wins). */
	attachVotes(/** @type {VoteHandler} */ handler) {
		this.#votes = handler;
	}

	/** The vote handler, once the app has started. */
	get votes() {
		return this.#votes;
	}
}

/** Created when the process starts, before the app is loaded. */
export const serving = new ServingLink();
