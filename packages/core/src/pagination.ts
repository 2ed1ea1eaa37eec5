// Cursor pagination of every list the API returns: `first` items (a default and a maximum per list) after
// the item whose id is `after` (the last id of the previous page), in the list's own deterministic order.
import { badInput } from "./errors.js";

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface PageLimits {
  default: number;
  max: number;
}

/** Page sizes per list: large enough for one screen of the portal or one run's rows, never unbounded. */
export const PAGE_LIMITS = {
  sites: { default: 200, max: 500 },
  studies: { default: 200, max: 500 },
  modelVersions: { default: 200, max: 500 },
  datasets: { default: 200, max: 500 },
  runs: { default: 200, max: 500 },
  apiKeys: { default: 200, max: 500 },
  predictions: { default: 1000, max: 5000 },
  metricResults: { default: 2000, max: 10000 },
  auditEvents: { default: 100, max: 1000 },
  patients: { default: 100, max: 500 },
  studyComparison: { default: 200, max: 500 },
} as const satisfies Record<string, PageLimits>;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Checks `first` and `after`, naming the argument at fault. */
export function pageSize(args: PageArgs, limits: PageLimits): { first: number; after: string | null } {
  const first = args.first ?? limits.default;
  if (!Number.isInteger(first) || first < 1 || first > limits.max)
    throw badInput("first", `first must be a whole number from 1 to ${limits.max}.`, first);
  const after = args.after ?? null;
  if (after !== null && !ID.test(after))
    throw badInput("after", "after must be the id of an item of the previous page.");
  return { first, after };
}

/** One page of an ordered list: the items after `after` (none when it is not in the list), at most `first`. */
export function paginate<T extends { id: string }>(items: readonly T[], args: PageArgs, limits: PageLimits): T[] {
  const { first, after } = pageSize(args, limits);
  const start = after === null ? 0 : items.findIndex((item) => item.id === after) + 1;
  if (after !== null && start === 0) return [];
  return items.slice(start, start + first);
}
