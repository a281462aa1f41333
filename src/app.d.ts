// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Lang } from '$lib/core/content/schema';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			lang: Lang;
		}
	}
}

export {};
