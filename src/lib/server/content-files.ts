// Reads every content file from disk; used where Vite's bundling is not in play
// (the build-time check and the unit tests).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentFile } from '../core/content/library';

export function readContentFiles(root: string): ContentFile[] {
	const dir = join(root, 'content');
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((name) => /\.ya?ml$/.test(name))
		.map((name) => ({ path: `content/${name.replaceAll('\\', '/')}`, text: readFileSync(join(dir, name), 'utf8') }));
}
