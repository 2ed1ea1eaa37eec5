// Input checks shared by every function: lengths, finiteness, non-negative times, 0/1 indicators.
import { InvalidValueError, LengthMismatchError } from "./errors.js";

export type NumericInput = Float64Array | readonly number[];
export type BinaryInput = Uint8Array | readonly (0 | 1 | boolean | number)[];

export function toFloat64(
  values: NumericInput,
  argument: string,
  options: { nonNegative?: boolean } = {},
): Float64Array {
  const out = values instanceof Float64Array ? values : Float64Array.from(values);
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!;
    if (!Number.isFinite(v)) throw new InvalidValueError(argument, i, values[i], "not a finite number");
    if (options.nonNegative && v < 0) throw new InvalidValueError(argument, i, v, "must not be negative");
  }
  return out;
}

export function toIndicator(values: BinaryInput, argument: string): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === 1 || v === true) out[i] = 1;
    else if (v !== 0 && v !== false) throw new InvalidValueError(argument, i, v, "must be 0 or 1");
  }
  return out;
}

export function sameLength(lengths: Record<string, number>): number {
  const values = Object.values(lengths);
  if (values.some((v) => v !== values[0])) throw new LengthMismatchError(lengths);
  return values[0] ?? 0;
}

export interface SurvivalData {
  time: Float64Array;
  event: Uint8Array;
}

/** Right-censored survival data: time ≥ 0 (finite), event 0/1. */
export function survivalData(time: NumericInput, event: BinaryInput): SurvivalData {
  sameLength({ time: time.length, event: event.length });
  return { time: toFloat64(time, "time", { nonNegative: true }), event: toIndicator(event, "event") };
}
