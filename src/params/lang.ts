import type { ParamMatcher } from '@sveltejs/kit';
import { LANGS, type Lang } from '$lib/core/content/lang';

export const match = ((param: string): param is Lang => (LANGS as readonly string[]).includes(param)) satisfies ParamMatcher;
