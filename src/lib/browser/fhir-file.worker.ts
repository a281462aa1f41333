/// <reference lib="webworker" />
// Reads a FHIR file off the page's thread: a Bundle of 50,000 entries is one JSON.parse and
// 50,000 checks, which froze the page. Posts progress, then the result: a refusal at once, or
// the entries in batches (each batch a task of its own for the page to take in).
import { fromFhirBytes } from '../core/diary/fhir';
import type { FhirMessage } from './fhir-file';

const BATCH = 2000;
const post = (message: FhirMessage) => postMessage(message);

addEventListener('message', (event: MessageEvent<ArrayBuffer>) => {
	const result = fromFhirBytes(event.data, (progress) => post({ progress }));
	if (!result.ok) return post({ problem: result.problem });
	for (let i = 0; i < result.episodes.length; i += BATCH) post({ episodes: result.episodes.slice(i, i + BATCH) });
	post({ done: true });
});
