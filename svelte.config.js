import adapter from '@sveltejs/adapter-node';
import { CSP_DIRECTIVES } from './serving/csp.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter(),
		prerender: {
			// `/` redirects by Accept-Language, so the crawl starts at each language's home; the
			// offline page is linked from nowhere (the service worker shows it).
			entries: ['/en', '/ru', '/en/offline', '/ru/offline'],
			handleMissingId: 'fail',
			// Prerendered pages name their other-language twin by absolute address (hreflang): the site's ORIGIN at build.
			origin: process.env.ORIGIN || 'http://localhost:3000'
		},
		csp: {
			mode: 'auto',
			directives: CSP_DIRECTIVES
		}
	}
};

export default config;
