// A request whose address or headers are longer than Node accepts (its 16 KB header limit)
// never reaches SvelteKit: Node would answer a bare "431" with no page. This answers it with a
// page of ours instead, in both languages (the request's own language header may be what was cut).
// Plain JavaScript, messages read from the catalogs, so a production install runs it.
import en from '../messages/en/common.json' with { type: 'json' };
import ru from '../messages/ru/common.json' with { type: 'json' };

const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const part = (lang, m) =>
	`<section lang="${lang}"><h1>${escape(m['tooLong.title'])}</h1><p>${escape(m['tooLong.text'])}</p><p><a href="/${lang}">${escape(m['error.backHome'])}</a></p></section>`;

const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="${escape(en['tooLong.title'])}"><title>${escape(en['tooLong.title'])} — FitNavigator</title><style>body{font:1.125rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1d1d1b;background:#fff}a{color:#005eb8}@media (prefers-color-scheme:dark){body{color:#eef1f2;background:#111416}a{color:#8cc4ff}}</style></head><body><main>${part('en', en)}${part('ru', ru)}</main></body></html>`;

/** The raw HTTP answer for a socket whose request Node refused as too large. */
export const TOO_LONG_RESPONSE = [
	'HTTP/1.1 431 Request Header Fields Too Large',
	'content-type: text/html; charset=utf-8',
	`content-length: ${Buffer.byteLength(body)}`,
	"content-security-policy: default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
	'x-content-type-options: nosniff',
	'connection: close',
	'',
	body
].join('\r\n');
