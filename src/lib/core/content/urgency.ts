/** The four levels of advice, least urgent first. Apart from schema.ts so the plan page, which stores one, does not load full zod. */
export const URGENCY_LEVELS = ['self-care', 'see-doctor', 'urgent', 'emergency'] as const;
