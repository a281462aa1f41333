// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Lang } from '$lib/core/content/schema';
import type { DeskUser } from '$lib/server/auth';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			lang: Lang;
			/** The editorial desk's signed-in account (set by the desk's gate). */
			desk?: DeskUser;
		}
	}
}

export {};
