// A FHIR file read in a module worker (fhir-file.worker.ts), so the page keeps painting and
// answering while a large Bundle is parsed and checked. Same result as `fromFhirBytes`.
import type { CsvProgress } from '../core/diary/csv';
import type { Episode } from '../core/diary/episode';
import type { FhirProblem, FhirResult } from '../core/diary/fhir';

export type FhirMessage = { progress: CsvProgress } | { problem: FhirProblem } | { episodes: Episode[] } | { done: true };

export function readFhirFile(bytes: ArrayBuffer, progress: (p: CsvProgress) => void): Promise<FhirResult> {
	const worker = new Worker(new URL('./fhir-file.worker.ts', import.meta.url), { type: 'module' });
	const episodes: Episode[] = [];
	return new Promise<FhirResult>((resolve, reject) => {
		worker.addEventListener('message', ({ data }: MessageEvent<FhirMessage>) => {
			if ('progress' in data) progress(data.progress);
			else if ('episodes' in data) episodes.push(...data.episodes);
			else if ('problem' in data) resolve({ ok: false, problem: data.problem });
			else resolve({ ok: true, episodes });
		});
		// a worker that cannot start or throws: the import fails as a whole, nothing stored
		worker.addEventListener('error', (event) => reject(new Error(event.message || 'FHIR worker failed')));
		worker.postMessage(bytes, [bytes]);
	}).finally(() => worker.terminate());
}
