// GraphQL input objects carry null for an optional field a client set to null; the domain services take
// such fields as absent. One conversion, at the boundary.

/** The input without its null-valued fields (typed accordingly). */
export function withoutNulls<T extends object>(input: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}
