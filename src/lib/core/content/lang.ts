/** The site's languages. Kept apart from schema.ts so the route matcher, which runs on every page, does not load zod. */
export const LANGS = ['en', 'ru'] as const;
export type Lang = (typeof LANGS)[number];
