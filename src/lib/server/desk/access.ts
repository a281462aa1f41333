// Deny by default below the gate: every desk load, form action and /api/v1/editor handler
// calls requireDesk first. The gate (./hook.ts) sets `locals.desk` only after checking the
// session, the role and two-factor; a request it missed has no `locals.desk`, so it is
// refused here, and the role is checked again for this very handler.
import { error } from '@sveltejs/kit';
import { can, needsSecondFactor, type Permission } from '../../core/desk/roles';
import type { DeskUser } from '../auth';

/** Who may do this: `before-two-factor` lets an account that must still set up two-factor in (its security page, sign-out). */
export function requireDesk(locals: App.Locals, permission: Permission, stage?: 'before-two-factor'): DeskUser {
	const user = locals.desk;
	if (!user) error(401, 'Sign in first');
	if (needsSecondFactor(user) && stage !== 'before-two-factor') error(403, 'Set up two-factor sign-in first');
	if (!can(user.role, permission)) error(403, 'Your role cannot open this');
	return user;
}
