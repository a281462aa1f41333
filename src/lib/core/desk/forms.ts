// The desk's forms as zod schemas with the label of every field, so a problem is said
// with the label the user sees (src/lib/core/desk/form-problems.ts).
import { z } from 'zod';
import { ROLES } from './roles';
import type { FieldLabels } from './form-problems';

export const FEEDBACK_STATUSES = ['new', 'read', 'acted', 'spam'] as const;

/** The inbox's "set the selected to" form: at most a page's worth of answers at once, or the whole page. */
export const statusForm = z.object({ ids: z.array(z.uuid()).min(1).max(500), status: z.enum(FEEDBACK_STATUSES) });
export const statusLabels: FieldLabels<typeof statusForm> = { ids: 'editor.inbox.select', status: 'editor.inbox.setStatus' };

/** A sign-off: the version the expert read (its SHA-256) and what they checked. */
export const signOffForm = z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/), note: z.string().trim().max(2000).default('') });
export const signOffLabels: FieldLabels<typeof signOffForm> = { hash: 'editor.reviews.versionLabel', note: 'editor.reviews.note' };

export const inviteForm = z.object({
	email: z.email().max(320),
	name: z.string().trim().min(1).max(120),
	role: z.enum(ROLES),
	specialty: z.string().trim().max(120).default('')
});
export const inviteLabels: FieldLabels<typeof inviteForm> = {
	email: 'editor.accounts.email',
	name: 'editor.accounts.name',
	role: 'editor.accounts.role',
	specialty: 'editor.accounts.specialty'
};

const accountId = z.string().min(1).max(64);
export const roleForm = z.object({ id: accountId, role: z.enum(ROLES) });
export const disableForm = z.object({ id: accountId, disabled: z.enum(['true', 'false']) });
export const accountForm = z.object({ id: accountId });
export const withdrawForm = z.object({ id: z.uuid() });
/** Every account form's fields: the account a row's buttons act on, and the choice made. */
export const accountLabels: FieldLabels<typeof roleForm> & FieldLabels<typeof disableForm> = {
	id: 'editor.accounts.account',
	role: 'editor.accounts.role',
	disabled: 'editor.accounts.status'
};
