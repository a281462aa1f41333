// Plural forms inside a message, picked by Intl.PluralRules: "{count} {count|one:cramp|other:cramps}";
// Russian lists one, few, many and other ("судорога", "судороги", "судорог"). A local helper
// until the reader side's words helper covers every page.

/** `text` with each `{name|category:word|…}` replaced by the word for `params[name]` in `locale`. */
export function plurals(locale: string, text: string, params: Record<string, string | number>): string {
	const rules = new Intl.PluralRules(locale);
	return text.replace(/\{(\w+)((?:\|[a-z]+:[^|}]*)+)\}/g, (whole, name: string, list: string) => {
		const n = Number(params[name]);
		if (!Number.isFinite(n)) return whole;
		const forms = new Map(
			list
				.slice(1)
				.split('|')
				.map((f) => f.split(':', 2) as [string, string])
		);
		return forms.get(rules.select(n)) ?? forms.get('other') ?? whole;
	});
}
