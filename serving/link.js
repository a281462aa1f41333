// The one link between the Node entry (server.js) and the app bundle. Both import it by its
// package name, @fitnavigator/serving (a local package: package.json "file:serving"), which
// the build leaves external like every dependency, so the process loads it once and the two
// sides share the object below. server.js attaches its page store before it loads the app;
// the app (src/lib/server/desk/hook.ts) fills the store's review slots from it.

/** The Node request property where hooks.server.ts leaves SvelteKit's route id for the request log. */
export const ROUTE_ID = Symbol('fitnavigator.routeId');

/**
 * What the app may do to the pages served from memory (serving/pages.js): fill a named slot.
 * @typedef {{ slotNames(): string[]; fillSlot(name: string, html: string): void }} PageSlots
 */

export class ServingLink {
	/** @type {PageSlots | undefined} */
	#pages;

	/** Called once by server.js, before it loads the app. */
	attachPages(/** @type {PageSlots} */ pages) {
		if (this.#pages) throw new Error('The page store is attached once');
		this.#pages = pages;
	}

	/** The page store, when the app runs under server.js (not under `vite dev` or in a unit test). */
	get pages() {
		return this.#pages;
	}
}

/** Created when the process starts, before the app is loaded. */
export const serving = new ServingLink();
