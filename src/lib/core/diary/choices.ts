// The self-check's choices as the diary uses them: an entry shows, charts and exports each
// sign by its own label, so the signs come in one list rather than the self-check's groups.
import type { Choice } from '../assessment/view';

export type DiaryChoices = { situations: Choice[]; factors: Choice[]; signs: Choice[] };
