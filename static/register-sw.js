// Registers the offline service worker from every page, including the reading pages
// that ship no framework JavaScript: one visit to any page makes first aid work offline.
if ('serviceWorker' in navigator) addEventListener('load', () => navigator.serviceWorker.register('/service-worker.js'));
