import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DESK_ROUTES, isDeskRoute, isPlainDeskPath } from './routes';

const SAMPLE: Record<string, string> = { '[lang=lang]': 'en', '[subject]': 'calf-cramps', '[scope]': 'ru', '[token]': 'tok_EN-123' };
const deskPaths = Object.keys(DESK_ROUTES).map((id) => id.replace(/\[[^\]]+\]/g, (p) => SAMPLE[p]));
const hex = (c: string) => c.charCodeAt(0).toString(16).padStart(2, '0');

describe('the desk by route id', () => {
	// Every route the app has, from its route files: the gate takes exactly the listed desk routes.
	const appRouteIds = [
		...new Set(
			Object.keys(import.meta.glob('/src/routes/**/+{page,page.server,server}.{ts,svelte}')).map(
				(file) => file.replace(/^\/src\/routes/, '').replace(/\/\+[^/]+$/, '') || '/'
			)
		)
	];

	it("[S-01.1] of all the app's routes, exactly those listed in DESK_ROUTES are desk routes", () => {
		expect(appRouteIds.length).toBeGreaterThan(Object.keys(DESK_ROUTES).length);
		expect(appRouteIds.filter((id) => isDeskRoute(id) !== id in DESK_ROUTES)).toEqual([]);
		expect(Object.keys(DESK_ROUTES).filter((id) => !appRouteIds.includes(id))).toEqual([]);
		for (const id of [null, undefined, '/editors', '/api/v1/editorial']) expect(isDeskRoute(id), String(id)).toBe(false);
	});

	it('[S-01.2] every plain desk path is plain', () => {
		expect(deskPaths.filter((path) => !isPlainDeskPath(path))).toEqual([]);
	});

	// Any character of a desk path percent-encoded, in either hex case: never the plain spelling.
	test.prop([fc.constantFrom(...deskPaths), fc.nat(), fc.boolean()])(
		'[S-01.3] a desk path with any one character percent-encoded is not plain',
		(path, at, upper) => {
			const i = 1 + (at % (path.length - 1));
			const code = hex(path[i]);
			const spelt = `${path.slice(0, i)}%${upper ? code.toUpperCase() : code}${path.slice(i + 1)}`;
			expect(isPlainDeskPath(spelt)).toBe(false);
		}
	);

	test.prop([fc.constantFrom(...deskPaths), fc.nat(), fc.constantFrom('', '.', '..')])(
		'[S-01.4] a desk path with an empty, `.` or `..` segment inserted is not plain',
		(path, at, segment) => {
			const slashes = [...path.matchAll(/\//g)].map((m) => m.index);
			const i = slashes[at % slashes.length];
			expect(isPlainDeskPath(`${path.slice(0, i)}/${segment}${path.slice(i)}`)).toBe(false);
		}
	);
});
