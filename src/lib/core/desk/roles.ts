// Who on the editorial team may do what. Pure: the server asks, the tests enumerate.

/** Least powerful first, as the desk lists them: a role picked by mistake should be the smaller one. */
export const ROLES = ['editor', 'expert', 'clinician', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a desk route needs. `signed-in` is any active account (its own password, 2FA). */
export type Permission = 'signed-in' | 'accounts' | 'audit' | 'inbox' | 'review' | 'review-clinical';

const GRANTS: Record<Role, readonly Permission[]> = {
	admin: ['signed-in', 'accounts', 'audit', 'inbox'],
	editor: ['signed-in', 'inbox'],
	expert: ['signed-in', 'review'],
	clinician: ['signed-in', 'review', 'review-clinical']
};

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

export const can = (role: Role, permission: Permission): boolean => GRANTS[role].includes(permission);

/** Admins hold the keys and clinicians sign off triage: both must use a second factor. */
export const requiresTwoFactor = (role: Role): boolean => role === 'admin' || role === 'clinician';

/**
 * Whether this session still lacks the second factor it needs. Where the role needs one, or the
 * account has one, the session itself must have been opened with it: the account's setting alone
 * would promote a password-only session when another session sets two-factor up.
 */
export const needsSecondFactor = (user: { role: Role; twoFactorEnabled: boolean; sessionTwoFactor: boolean }): boolean =>
	(requiresTwoFactor(user.role) || user.twoFactorEnabled) && !user.sessionTwoFactor;

/** Who may sign off a subject: guides need an expert's review, the triage rules and hazard log a clinician's. */
export const reviewPermission = (subject: string): Permission =>
	subject === 'rules' || subject === 'hazard-log' ? 'review-clinical' : 'review';
