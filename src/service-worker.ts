/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline first aid: after one visit, the first-aid flow, the water card, the main
// guide (both languages) and every app asset come from the cache. Each build gets its own
// cache, so a new version replaces the old one whole.
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `fitnavigator-${version}`;
/** The main guide's slug, put in by vite.config.ts from content (`main: true`). */
declare const __MAIN_GUIDE__: string;

/**
 * The pages someone in pain may need with no signal, with the data SvelteKit loads for them;
 * and the diary that first aid hands its episode to, once it is prerendered.
 */
const OFFLINE_PAGE = new RegExp(`^/(en|ru)(/first-aid(/water)?|/guides/${__MAIN_GUIDE__}|/diary(/report)?)?(/__data\\.json)?$`);
const PRECACHE = [...build, ...files, ...prerendered.filter((path) => OFFLINE_PAGE.test(path))];
const precached = new Set(PRECACHE);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(PRECACHE))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('fetch', (event) => {
	const url = new URL(event.request.url);
	if (event.request.method !== 'GET' || url.origin !== sw.location.origin) return;
	// Precached files belong to this version and never change: serve them without waiting for
	// the network. Everything else (the API, other guides) goes to the network as usual.
	if (!precached.has(url.pathname)) return;
	event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(event.request)));
});
