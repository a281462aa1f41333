// The ids PRODUCT.md lists for the facts of the seed article (plus our safety cards):
// the calf-cramp guide must render every one, in both languages.
export const SEED_FACTS = {
	cause: ['overstrain', 'electrolyte-imbalance', 'injury-immobilisation', 'cold', 'foot-position', 'alcohol', 'night-position'],
	exercise: ['towel-stretch', 'wall-stretch', 'foot-rotations', 'pinch-massage', 'thumb-pressure', 'pin-prick', 'water-release'],
	measure: [
		'warm-up-and-cool-down',
		'drink-enough',
		'multivitamins',
		'warm-feet',
		'comfortable-shoes',
		'no-alcohol-tobacco',
		'mineral-rich-food',
		'healthy-weight',
		'professional-massage',
		'prescribed-anticonvulsants',
		'warm-foot-baths',
		'regular-stretching'
	],
	care: ['emergency-chest', 'urgent-dvt', 'urgent-long-cramp', 'see-doctor-recurring', 'see-doctor-gp', 'see-doctor-before-prevention']
} as const;
