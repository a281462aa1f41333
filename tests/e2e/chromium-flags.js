// The flags every Chromium this project drives starts with: the browser tests (browser.ts)
// and the Lighthouse audit (bench/lighthouse.mjs), which runs on plain Node and so needs JavaScript.
export const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
