// The type only (erased at build): what the server prerenders is what the pages read.
import type { MonitorLibrary } from '$lib/server/diary';

export type { MonitorLibrary };
export type MonitorLibraryMessage = { library: MonitorLibrary } | { problem: string };

/**
 * The diary and the report fetch it once the entries are read, so neither page carries it inline
 * (260 KB that was most of their work before the first screen answered). Prerendered beside the
 * diary, so the service worker keeps it offline; devalue, as SvelteKit's page data: the rules are
 * Maps. Fetched and parsed in a worker (monitor-library.worker.ts), so no long task of the page's.
 */
export function fetchMonitorLibrary(lang: string): Promise<MonitorLibrary> {
	const worker = new Worker(new URL('./monitor-library.worker.ts', import.meta.url), { type: 'module' });
	return new Promise<MonitorLibrary>((resolve, reject) => {
		worker.addEventListener('message', ({ data }: MessageEvent<MonitorLibraryMessage>) =>
			'library' in data ? resolve(data.library) : reject(new Error(data.problem))
		);
		worker.addEventListener('error', (event) => reject(new Error(event.message || 'monitor library worker failed')));
		worker.postMessage(`/${lang}/diary/monitor.json`);
	}).finally(() => worker.terminate());
}
