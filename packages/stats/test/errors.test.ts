// Degenerate input raises a named error that names the offending value; never NaN.
import { describe, expect, it } from "vitest";
import {
  AllCensoredError,
  auroc,
  aurocAtHorizon,
  coxPH,
  harrellC,
  InvalidValueError,
  kaplanMeier,
  LengthMismatchError,
  logRankTest,
  ModelFitError,
  NoComparablePairsError,
  SingleClassError,
  StatsInputError,
  unoC,
} from "../src/index.js";

describe("named errors", () => {
  it("NaN, negative and infinite times name the index and value", () => {
    expect(() => harrellC([1, Number.NaN, 3], [1, 0, 1], [1, 2, 3])).toThrow(
      new InvalidValueError("time", 1, Number.NaN, "not a finite number"),
    );
    expect(() => harrellC([1, -2, 3], [1, 0, 1], [1, 2, 3])).toThrow("time[1] = -2: must not be negative");
    expect(() => kaplanMeier([1, Number.POSITIVE_INFINITY], [1, 0])).toThrow("time[1] = Infinity");
  });
  it("events must be 0/1, scores finite", () => {
    expect(() => harrellC([1, 2], [1, 2], [1, 2])).toThrow("event[1] = 2: must be 0 or 1");
    expect(() => auroc([0.1, Number.NaN], [0, 1])).toThrow("score[1] = NaN");
  });
  it("lengths must agree", () => {
    expect(() => harrellC([1, 2, 3], [1, 0], [1, 2, 3])).toThrow(LengthMismatchError);
    expect(() => harrellC([1, 2, 3], [1, 0], [1, 2, 3])).toThrow("event has 2");
  });
  it("all censored", () => {
    expect(() => harrellC([1, 2, 3], [0, 0, 0], [1, 2, 3])).toThrow(AllCensoredError);
    expect(() => coxPH([1, 2, 3], [0, 0, 0], { x: [1, 2, 3] })).toThrow("all 3 observations are censored");
    expect(() => logRankTest([1, 2], [0, 0], ["a", "b"])).toThrow(AllCensoredError);
  });
  it("single class", () => {
    expect(() => auroc([1, 2, 3], [1, 1, 1])).toThrow(new SingleClassError(3, 0));
    expect(() => aurocAtHorizon([10, 20, 30], [0, 0, 0], [1, 2, 3], 5)).toThrow(
      "need both cases and controls at horizon 5; got 0 case(s) and 3 control(s)",
    );
  });
  it("no comparable pairs", () => {
    expect(() => harrellC([5, 5], [1, 1], [1, 2])).toThrow(NoComparablePairsError);
    expect(() => unoC([1, 5, 9], [0, 1, 1], [1, 2, 3], 2)).toThrow("with events up to tau = 2");
  });
  it("a constant covariate makes the Cox information singular", () => {
    expect(() => coxPH([1, 2, 3, 4], [1, 1, 0, 1], { x: [1, 1, 1, 1] })).toThrow(ModelFitError);
  });
  it("one group is not a log-rank test", () => {
    expect(() => logRankTest([1, 2], [1, 1], ["a", "a"])).toThrow(StatsInputError);
  });
});
