// Named errors for input a statistic cannot be computed from. Each names the offending value or
// position; no function in this package returns NaN instead of throwing.

export class StatsInputError extends Error {
  override name = "StatsInputError";
}

/** A time, score or label that is NaN, infinite, negative or otherwise invalid; `index` is 0-based. */
export class InvalidValueError extends StatsInputError {
  override name = "InvalidValueError";
  constructor(
    readonly argument: string,
    readonly index: number,
    readonly value: unknown,
    reason: string,
  ) {
    super(`${argument}[${index}] = ${String(value)}: ${reason}`);
  }
}

export class LengthMismatchError extends StatsInputError {
  override name = "LengthMismatchError";
  constructor(readonly lengths: Record<string, number>) {
    super(
      `inputs differ in length: ${Object.entries(lengths)
        .map(([k, v]) => `${k} has ${v}`)
        .join(", ")}`,
    );
  }
}

/** Survival data without a single event: no concordance, hazard or AUC can be estimated. */
export class AllCensoredError extends StatsInputError {
  override name = "AllCensoredError";
  constructor(
    readonly n: number,
    context = "",
  ) {
    super(`all ${n} observations are censored${context ? ` ${context}` : ""}: there is no event to evaluate`);
  }
}

/** Binary outcome with one class only (all cases or all controls). */
export class SingleClassError extends StatsInputError {
  override name = "SingleClassError";
  constructor(
    readonly cases: number,
    readonly controls: number,
    context = "",
  ) {
    super(
      `need both cases and controls${context ? ` ${context}` : ""}; got ${cases} case(s) and ${controls} control(s)`,
    );
  }
}

export class NoComparablePairsError extends StatsInputError {
  override name = "NoComparablePairsError";
  constructor(context = "") {
    super(
      `no comparable pairs${context ? ` ${context}` : ""}: every event is tied in time with every later observation`,
    );
  }
}

/** Newton-Raphson did not converge, or the information matrix is singular. */
export class ModelFitError extends StatsInputError {
  override name = "ModelFitError";
}

/**
 * A statistic that cannot be computed on these data (no case by the horizon, a single class, …) is left out:
 * `fn`'s value, or null when it throws a StatsInputError; any other error is a bug and propagates.
 */
export function ifComputable<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch (error) {
    if (error instanceof StatsInputError) return null;
    throw error;
  }
}
