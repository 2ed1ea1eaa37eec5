// Stored details (JSON) become the SDL's MetricDetails: named fields, the nested objects built from their
// flat or array forms, unknown keys dropped, absent ones null.
import { describe, expect, it } from "vitest";
import { metricDetails } from "../src/metric-details.js";

describe("metricDetails", () => {
  it("maps the threshold table, the risk group and the recalibration a model needs into their objects", () => {
    const threshold = metricDetails({
      threshold: 0.2,
      truePositive: 30,
      falsePositive: 40,
      trueNegative: 300,
      falseNegative: 12,
    });
    expect(threshold?.confusion).toEqual({
      threshold: 0.2,
      truePositive: 30,
      falsePositive: 40,
      trueNegative: 300,
      falseNegative: 12,
    });
    expect(threshold?.riskGroup).toBeNull();
    const group = metricDetails({
      group: "HIGH",
      share: 0.2,
      hazardRatio: 3.1,
      hrCiLower: 2,
      hrCiUpper: 4.5,
      lrChisq: 40,
      logRankP: 1e-6,
      incidence: "1 − Kaplan-Meier",
    });
    expect(group?.riskGroup).toEqual({
      group: "HIGH",
      share: 0.2,
      hazardRatio: 3.1,
      hazardRatioCiLower: 2,
      hazardRatioCiUpper: 4.5,
      lrChisq: 40,
      logRankP: 1e-6,
      grayP: null,
      incidence: "1 − Kaplan-Meier",
    });
    const needs = metricDetails({
      calibratedForTargetPopulation: false,
      recalibrationIntercept: -1.2,
      recalibrationInterceptCi: [-1.5, -0.9],
      recalibrationSlope: 0.8,
      recalibrationSlopeCi: [0.6, 1.0],
      recalibrationN: 800,
    });
    expect(needs?.recalibrationNeeded).toEqual({
      intercept: -1.2,
      interceptCiLower: -1.5,
      interceptCiUpper: -0.9,
      slope: 0.8,
      slopeCiLower: 0.6,
      slopeCiUpper: 1.0,
      n: 800,
    });
    expect(needs?.calibratedForTargetPopulation).toBe(false);
  });

  it("maps calibration bins and their intervals, keeps the disclosure flags, drops unknown keys", () => {
    const d = metricDetails({
      observed: 0.1,
      groups: [{ n: 100, events: 10, meanRisk: 0.09, observed: 0.1, observedCi: { lower: 0.05, upper: 0.16 } }],
      somethingElse: 1,
    });
    expect(d?.calibrationBins).toEqual([
      { n: 100, events: 10, meanRisk: 0.09, observed: 0.1, observedCiLower: 0.05, observedCiUpper: 0.16 },
    ]);
    expect(d).not.toHaveProperty("somethingElse");
    expect(metricDetails({ groupsWithheld: true })?.binsWithheld).toBe(true);
    expect(metricDetails({ countsWithheld: true })?.countsWithheld).toBe(true);
    expect(metricDetails(null)).toBeNull();
    expect(metricDetails({ p: 0.04 })).toMatchObject({
      p: 0.04,
      confusion: null,
      calibrationBins: null,
      recalibrationNeeded: null,
    });
  });
});
