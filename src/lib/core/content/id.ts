/** Content ids are lower-case-kebab. Kept apart from schema.ts so browser code can use it without loading all of zod. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
