// `parse` by name: SvelteKit's client has it already. A dynamic import('devalue') put all of
// devalue (stringify, uneval…) in the chunk every hydrated page loads up front (+4.6 KB gzip).
import { parse } from 'devalue';
// The type only (erased at build): what the server prerenders is what the pages read.
import type { MonitorLibrary } from '$lib/server/diary';

export type { MonitorLibrary };

/**
 * The diary and the report fetch it once the entries are read, so neither page carries it inline
 * (260 KB that was most of their work before the first screen answered). Prerendered beside the
 * diary, so the service worker keeps it offline; devalue, as SvelteKit's page data: the rules are Maps.
 */
export async function fetchMonitorLibrary(lang: string): Promise<MonitorLibrary> {
	const res = await fetch(`/${lang}/diary/monitor.json`);
	if (!res.ok) throw new Error(`monitor library: ${res.status}`);
	return parse(await res.text());
}
