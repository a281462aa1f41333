import adapter from '@sveltejs/adapter-node';
import { CSP_DIRECTIVES } from './runtime/csp.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter(),
		prerender: {
			// `/` redirects by Accept-Language, so the crawl starts at each language's home.
			entries: ['/en', '/ru'],
			handleMissingId: 'fail'
		},
		csp: {
			mode: 'auto',
			directives: CSP_DIRECTIVES
		}
	}
};

export default config;
