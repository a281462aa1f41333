// The closed lists and limits of a diary episode, apart from both episode.ts and its
// schema so that each can import them without importing the other.
export const LEGS = ['left', 'right', 'both'] as const;
export const MUSCLES = ['calf', 'foot', 'thigh', 'other'] as const;
export const ORIGINS = ['diary', 'first-aid'] as const;
export const MAX_NOTE = 2000;
/** The stored format; a record of an older version is migrated forward on read. */
export const EPISODE_VERSION = 1;
