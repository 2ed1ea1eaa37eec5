// Stored JSON (model cards, audit details) as a reader reads it: numbers to 3 decimals, lists and objects as
// words, never raw JSON — which also ran on one unbreakable line, wider than the page.

/** A value as text: numbers to 3 decimals at most, sizes as "96 × 96", lists as "[a, b]", objects as "k v, k v". */
export function readable(value: unknown): string {
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value === null || value === undefined) return "—";
  // Sizes and shapes ("batch × 14 × 96 × 96") by ×; any other list in brackets ("[-200, 1000]").
  if (Array.isArray(value))
    return value.length > 0 && value.every((v) => v === "batch" || (Number.isInteger(v) && (v as number) > 0))
      ? value.map(readable).join(" × ")
      : `[${value.map(readable).join(", ")}]`;
  if (typeof value === "object")
    return Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => `${key} ${readable(v)}`)
      .join(", ");
  return String(value);
}

export interface CardStep {
  step: string;
  options: string;
}

/** The preprocessing steps of a card (`preprocessing`), or its named pipeline with its options as one step. */
export function preprocessingSteps(card: { preprocessing?: unknown; pipeline?: unknown }): CardStep[] {
  if (Array.isArray(card.preprocessing))
    return card.preprocessing.map((item) => {
      const { step, options } = (item ?? {}) as { step?: unknown; options?: unknown };
      return { step: String(step ?? "?"), options: options === undefined ? "" : readable(options) };
    });
  if (card.pipeline && typeof card.pipeline === "object") {
    const { name, options } = card.pipeline as { name?: unknown; options?: unknown };
    return [{ step: String(name ?? "pipeline"), options: options === undefined ? "" : readable(options) }];
  }
  return [];
}

/** An object's fields as [name, text] ("harrellC", "0.776") in its order; nothing for anything else. */
export function namedValues(record: unknown): [string, string][] {
  if (!record || typeof record !== "object" || Array.isArray(record)) return [];
  return Object.entries(record as Record<string, unknown>).map(([name, value]) => [name, readable(value)]);
}

/**
 * A card's clinical features as a report names predictors: "age (mean 65.68, SD 7.76)", "female, from column
 * sex (mean 0.65, SD 0.48)"; any other shape as readable text.
 */
export function clinicalFeatureText(features: unknown): string {
  if (!Array.isArray(features)) return readable(features);
  return features
    .map((feature) => {
      const { name, column, mean, sd } = (feature ?? {}) as Record<string, unknown>;
      if (typeof name !== "string") return readable(feature);
      const from = typeof column === "string" && column !== name ? `, from column ${column}` : "";
      const scaling =
        typeof mean === "number" && typeof sd === "number"
          ? ` (mean ${Number(mean.toFixed(2))}, SD ${Number(sd.toFixed(2))})`
          : "";
      return `${name}${from}${scaling}`;
    })
    .join("; ");
}
