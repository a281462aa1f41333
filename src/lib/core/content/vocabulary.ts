// Lists of ids that code in the browser needs at run time, apart from schema.ts (as urgency.ts)
// so the diary (its episode schema, its monitor) and the self-check's engine do not load full
// zod and build every content schema: on the diary that was the longest task on opening.

export const EVIDENCE_LEVELS = ['good', 'some', 'weak', 'against'] as const;

// The self-check's vocabulary: the API accepts exactly these ids, and content/ must
// describe each of them (parseLibrary checks both ways).
export const SITUATIONS = ['night', 'sport', 'swimming', 'rest', 'walking', 'other'] as const;
export const FACTORS = [
	'intense-exercise',
	'new-to-training',
	'diarrhoea',
	'vomiting',
	'low-fluid-intake',
	'heavy-sweating',
	'leg-injury',
	'ankle-immobilised',
	'cold-exposure',
	'high-heels',
	'flat-feet',
	'alcohol',
	'smoking',
	'overweight',
	'varicose-veins',
	'pregnancy',
	'new-medicine',
	'statin',
	'long-travel-or-bed-rest',
	'recent-surgery',
	'previous-clot',
	'hot-environment',
	'endurance-event',
	'recent-birth',
	'hormone-medicine',
	'cancer',
	'blood-thinners',
	'kidney-disease',
	'diabetes',
	'alcohol-dependence',
	'neck-surgery',
	'liver-disease'
] as const;
export const SIGNS = [
	'swelling',
	'redness',
	'warmth',
	'pain-not-easing',
	'numbness',
	'weakness',
	'chest-pain',
	'breathlessness',
	'coughing-blood',
	'fainting',
	'cold-pale-leg',
	'pop-or-snap',
	'cannot-tiptoe',
	'dirty-wound',
	'dark-urine',
	'pain-walking-eases-rest',
	'heatstroke-signs',
	'heat-exhaustion-signs',
	'confused-after-drinking-lots',
	'pain-out-of-proportion',
	'saddle-numbness-or-bladder-change',
	'stroke-signs',
	'fever-spreading-redness',
	'tingling-mouth-or-hand-spasm'
] as const;

/** A cramp of a whole day or more is not a cramp we can advise on; the bound stops absurd input. */
export const MAX_DURATION_MINUTES = 24 * 60;
