/** The four levels of advice, least urgent first. Apart from schema.ts so the plan page, which stores one, does not load full zod. */
export const URGENCY_LEVELS = ['self-care', 'see-doctor', 'urgent', 'emergency'] as const;

/** What a card's heading says: its level, or "watch closely" for a self-care card that also names
 *  signs to act on today (clot risk), so the label never reads "Self-care" above same-day advice. */
export type CareLabel = (typeof URGENCY_LEVELS)[number] | 'watch';
export const careLabel = (card: { level: (typeof URGENCY_LEVELS)[number]; watch?: boolean }): CareLabel =>
	card.watch ? 'watch' : card.level;
