// Thin adapters around the browser features a session uses. Each one does nothing
// where the browser lacks the feature: first aid must never fail over a missing API.
import type { Lang } from '$lib/core/content/schema';

const VOICES: Record<Lang, string> = { en: 'en-GB', ru: 'ru-RU' };

/**
 * Reads `text` aloud. `interrupt` cuts off whatever is being said (a new step);
 * `ifIdle` drops the text while something else is still being said (a count that
 * would otherwise lag behind the timer).
 */
export function speak(text: string, lang: Lang, mode: 'interrupt' | 'queue' | 'ifIdle' = 'queue'): void {
	const synth = globalThis.speechSynthesis;
	if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
	if (mode === 'ifIdle' && (synth.speaking || synth.pending)) return;
	if (mode === 'interrupt') synth.cancel();
	const utterance = new SpeechSynthesisUtterance(text);
	utterance.lang = VOICES[lang];
	synth.speak(utterance);
}

export const silence = () => globalThis.speechSynthesis?.cancel();

export const vibrate = (ms: number) => void navigator.vibrate?.(ms);

/** Keeps the screen on until the returned function is called; re-acquired when the tab returns. */
export function keepScreenOn(): () => void {
	let lock: WakeLockSentinel | undefined;
	let active = true;
	const acquire = async () => {
		try {
			if (active && document.visibilityState === 'visible') lock = await navigator.wakeLock?.request('screen');
		} catch {
			// refused (battery saver, no permission): the session runs anyway
		}
	};
	const onVisible = () => void acquire();
	document.addEventListener('visibilitychange', onVisible);
	void acquire();
	return () => {
		active = false;
		document.removeEventListener('visibilitychange', onVisible);
		void lock?.release().catch(() => {});
	};
}
