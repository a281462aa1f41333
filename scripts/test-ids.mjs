#!/usr/bin/env node
// `npm run test:ids`: the hazard-log ([H-..]) and security-log ([S-..]) ids that test titles
// carry, one a line, so a change to the suite can be checked to keep every one of them
// (`npm run test:ids > before.txt`, change, `npm run test:ids | diff before.txt -`).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dirs = ['src', 'tests/unit', 'tests/e2e', 'tests/resilience'];
/** A title is a quoted string starting with one or more ids: `'[S-27.1] [S-21.2] the admin …'`. */
const LEADING_IDS = /['"`]((?:\[[HS]-\d\d\.\d+\] ?)+)/g;

const ids = new Set();
for (const dir of dirs)
	for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
		if (!/\.(spec|e2e|resilience)\.ts$/.test(file)) continue;
		for (const [, lead] of readFileSync(join(dir, file), 'utf8').matchAll(LEADING_IDS))
			for (const [id] of lead.matchAll(/[HS]-\d\d\.\d+/g)) ids.add(id);
	}
const byNumber = (a, b) => a.localeCompare(b, 'en', { numeric: true });
const sorted = [...ids].sort(byNumber);
for (const id of sorted) console.log(id);
const count = (p) => sorted.filter((id) => id.startsWith(p)).length;
console.error(`hazard-log ids: ${count('H-')}, security-log ids: ${count('S-')}`);
