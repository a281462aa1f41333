/// <reference lib="webworker" />
// Fetches and parses the monitor's library off the page's thread: devalue's parse of its 277 KB
// was the diary's longest task after the first screen. The page receives it by structured clone
// (Maps, undefined and shared objects kept, as devalue keeps them), far cheaper to take in.
import { parse } from 'devalue';
import type { MonitorLibraryMessage } from './monitor-library';

addEventListener('message', async (event: MessageEvent<string>) => {
	let message: MonitorLibraryMessage;
	try {
		const res = await fetch(event.data);
		message = res.ok ? { library: parse(await res.text()) } : { problem: `monitor library: ${res.status}` };
	} catch (e) {
		message = { problem: String(e) };
	}
	postMessage(message);
});
