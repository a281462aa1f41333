// The reader's first-aid settings, remembered on the device between cramps.
import { z } from 'zod';

export const SETTINGS_KEY = 'fitnavigator.first-aid.settings.v1';

export const settingsSchema = z.strictObject({
	muted: z.boolean().default(false),
	vibration: z.boolean().default(true),
	/** `auto` follows prefers-color-scheme; the toggle pins dark or light. */
	theme: z.enum(['auto', 'dark', 'light']).default('auto')
});
export type Settings = z.infer<typeof settingsSchema>;

/** Stored settings, or the defaults for anything missing or unreadable. */
export function readSettings(raw: string | null): Settings {
	try {
		const parsed = settingsSchema.safeParse(JSON.parse(raw ?? '{}'));
		if (parsed.success) return parsed.data;
	} catch {
		// unreadable: fall through to the defaults
	}
	return settingsSchema.parse({});
}
