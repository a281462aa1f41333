/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Every reader page offline after one visit. One cache per build holds exactly the list below
// (the app's files, every prerendered page and its data, and the self-check's pages), so it is
// versioned (a new build replaces it whole) and bounded (nothing is added at run time).
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `fitnavigator-${version}`;
/** The self-check's pages under each language (`/check/situation`, …), put in by vite.config.ts from the question list. */
declare const __CHECK_PAGES__: string[];
const LANGS = ['en', 'ru'];

/**
 * Rendered per request (they post back with JavaScript off) but the same for every reader: the
 * answers are in the query, which the page reads. So one copy each serves any answers offline.
 */
const DYNAMIC = LANGS.flatMap((lang) => __CHECK_PAGES__.flatMap((page) => [`/${lang}${page}`, `/${lang}${page}/__data.json`]));
const dynamic = new Set(DYNAMIC);
const STATIC = [...build, ...files, ...prerendered];
const precached = new Set(STATIC);

/** The page shown for anything this device has not kept, with the emergency numbers on it. */
const offlinePage = (pathname: string) => `/${LANGS.find((l) => pathname.startsWith(`/${l}`)) ?? readerLang()}/offline`;
const readerLang = () => (sw.navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en');

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll([...STATIC, ...DYNAMIC]))
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
	const { request } = event;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
	// Files of this version never change: from the cache, without waiting for the network.
	if (precached.has(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(request)));
		return;
	}
	// The self-check's pages: the server's answer while there is a signal, the kept copy without.
	if (dynamic.has(url.pathname)) {
		event.respondWith(fetch(request).catch(() => cached(url.pathname)));
		return;
	}
	// The installed app opens `/`, which picks the language on the server; offline, the device's language.
	if (request.mode === 'navigate')
		event.respondWith(
			fetch(request).catch(() => (url.pathname === '/' ? Response.redirect(`/${readerLang()}`, 302) : cached(offlinePage(url.pathname))))
		);
});

const cached = (path: string) => caches.match(path).then((hit) => hit ?? Response.error());
