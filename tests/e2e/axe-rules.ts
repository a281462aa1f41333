/**
 * The axe rules a colour scheme can change. The reader's schemes are CSS only, the markup the
 * same in both: a page passes every rule in one scheme and these in the other.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
