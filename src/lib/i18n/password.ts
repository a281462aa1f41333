// A refused new password in the desk's language, naming the field's label: "New password: at least 12 characters".
import type { PasswordProblem } from '../../../policy/password.js';
import type { Lang } from '../core/content/schema';
import { t, type MessageKey } from './index';

export type { PasswordProblem };

export const passwordMessage = (lang: Lang, label: MessageKey, problem: PasswordProblem, limits: { min: number; max: number }): string =>
	t(lang, `desk.password.${problem}`, { field: t(lang, label), ...limits });
