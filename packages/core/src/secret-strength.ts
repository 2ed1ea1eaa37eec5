// Secrets a deployment must not run with: placeholders copied from documentation, and values too short or
// too repetitive to resist guessing. Checked at start-up outside development (apps/api/src/config.ts).

const PLACEHOLDER = /change-?me|placeholder|secret|password|dummy/i;

/** Why `value` is not acceptable as a production secret, or null when it is. */
export function secretWeakness(value: string): string | null {
  if (PLACEHOLDER.test(value))
    return "looks like a placeholder (e.g. CHANGE-ME); create one with `openssl rand -base64 48`";
  if (value.length < 32) return `has ${value.length} characters; at least 32 are needed`;
  if (new Set(value).size < 16) return `has only ${new Set(value).size} distinct characters; it is too predictable`;
  return null;
}
