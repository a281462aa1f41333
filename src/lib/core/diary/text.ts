// A file's bytes as text, apart from the CSV code so the FHIR reader (in a worker) does not load papaparse.

/**
 * The file's bytes as text when they are valid UTF-8 (a leading BOM is fine), else
 * undefined: the page then says so instead of importing "��" in place of letters.
 */
export function decodeUtf8(bytes: ArrayBuffer): string | undefined {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return undefined;
	}
}

/** Windows-1251, the Cyrillic code page older Excel saves CSV in; used only when the reader asks. */
export const decodeWindows1251 = (bytes: ArrayBuffer): string => new TextDecoder('windows-1251').decode(bytes);
