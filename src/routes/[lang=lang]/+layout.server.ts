// Reading pages are static files: instant, cacheable, and readable with JS off. (The
// reader's language and its messages come from the root layout; a server-only file here
// keeps this option from costing the browser a module.)
export const prerender = true;
