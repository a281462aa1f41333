// Apart from view.ts (which builds the fits) and reader.ts (which picks one), so that the
// page's reader code does not load the view builder and neither module imports the other.
/** The key of a sequence's `fits` for a reader with `facts`: the facts that matter there, in `adapts` order. */
export const fitKey = (adapts: readonly string[], facts: ReadonlySet<string>) => adapts.filter((f) => facts.has(f)).join('+');
