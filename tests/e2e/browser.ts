// Which Chromium the browser tests drive: CHROME_PATH, else Debian's, else the one
// shipped inside the @sparticuz/chromium package (so no download is ever needed).
import { existsSync } from 'node:fs';

export { CHROMIUM_FLAGS } from './chromium-flags.js';

export async function chromiumPath(): Promise<string> {
	if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
	if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
	const { default: packaged } = await import('@sparticuz/chromium');
	return packaged.executablePath();
}
