// "Try again in …": seconds for a short wait, whole minutes (rounded up) for a long one.
import type { Lang } from '../core/content/schema';
import { t } from './index';

export const waitText = (lang: Lang, seconds: number): string =>
	seconds < 120 ? t(lang, 'desk.wait.seconds', { n: seconds }) : t(lang, 'desk.wait.minutes', { n: Math.ceil(seconds / 60) });
