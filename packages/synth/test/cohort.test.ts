// Generated cohorts reproduce their site profiles, and the signal is graded: the true risk discriminates
// better than the FRAX-like probability, which is better than chance.
import { describe, expect, it } from "vitest";
import { analysisTimeDays } from "@fracval/upload-format";
import { aurocAtHorizon, harrellC, kaplanMeier, medianSurvival } from "@fracval/stats";
import { findProfile, generateCohort, loadProfiles, type SyntheticPatient } from "../src/index.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
const columns = (ps: SyntheticPatient[]) => ({
  time: ps.map(analysisTimeDays),
  event: ps.map((p) => (p.event ? 1 : 0)),
});

describe.each([
  ["Bundang", 72.5, 0.691, 23.6, 0.14, 1826],
  ["Boramae", 67.6, 0.788, 23.9, 0.123, 1826],
  ["Severance", 65.7, 0.66, 24.0, 0.1, null],
] as const)("%s profile", (site, age, women, bmi, eventShare, within) => {
  const profile = findProfile(site);
  const cohort = generateCohort(profile, { n: 4000, seed: 11 });

  it("matches mean age (±0.6 y), % women (±2.5 points), mean BMI (±0.3)", () => {
    expect(Math.abs(mean(cohort.map((p) => p.age)) - age)).toBeLessThan(0.6);
    expect(Math.abs(mean(cohort.map((p) => (p.female ? 1 : 0))) - women)).toBeLessThan(0.025);
    expect(Math.abs(mean(cohort.map((p) => p.bmi)) - bmi)).toBeLessThan(0.3);
  });

  it("matches the share with an observed incident fracture (±2 points) and the prevalent-fracture share (±2.5 points)", () => {
    const observed =
      cohort.filter((p) => p.event && (within === null || analysisTimeDays(p) <= within)).length / cohort.length;
    expect(Math.abs(observed - eventShare)).toBeLessThan(0.02);
    const pvf = cohort.filter((p) => p.prevalentDeformities.length > 0).length / cohort.length;
    expect(Math.abs(pvf - profile.prevalence.prevalentVertebralFracture)).toBeLessThan(0.025);
  });

  it("femoral-neck BMD has the site's mean (±0.01) and SD (±0.015)", () => {
    const bmd = cohort.map((p) => p.femoralNeckBmd);
    const m = mean(bmd);
    expect(Math.abs(m - profile.femoralNeckBmd.mean)).toBeLessThan(0.01);
    expect(Math.abs(Math.sqrt(mean(bmd.map((b) => (b - m) ** 2))) - profile.femoralNeckBmd.sd)).toBeLessThan(0.015);
  });

  it("grades the signal: C(true risk) > C(FRAX-like) + 0.02 > 0.5 + 0.1", () => {
    const { time, event } = columns(cohort);
    const truth = harrellC(
      time,
      event,
      cohort.map((p) => p.truth.risk5y),
    ).estimate;
    const frax = harrellC(
      time,
      event,
      cohort.map((p) => p.fraxMof),
    ).estimate;
    expect(truth).toBeGreaterThan(frax + 0.02);
    expect(frax).toBeGreaterThan(0.6);
  });
});

describe("Severance follow-up", () => {
  it("has a median follow-up near 766 days (±15%) and none beyond 10 years", () => {
    const cohort = generateCohort(findProfile("Severance"), { n: 4000, seed: 3 });
    // median potential follow-up: reverse Kaplan-Meier (censoring as the event)
    const median = medianSurvival(
      kaplanMeier(
        cohort.map((p) => p.followUpDays),
        cohort.map(() => 1),
      ),
    )!;
    expect(Math.abs(median - 766) / 766).toBeLessThan(0.15);
    expect(Math.max(...cohort.map((p) => p.followUpDays))).toBeLessThanOrEqual(3650);
  });
});

describe("AUROC at 5 years on Boramae (seed 001's external site)", () => {
  it("orders truth > FRAX-like MOF > chance with margins", () => {
    const cohort = generateCohort(findProfile("Boramae"), { n: 3000, seed: 5 });
    const { time, event } = columns(cohort);
    const truth = aurocAtHorizon(
      time,
      event,
      cohort.map((p) => p.truth.risk5y),
      1826,
    ).estimate;
    const frax = aurocAtHorizon(
      time,
      event,
      cohort.map((p) => p.fraxMof),
      1826,
    ).estimate;
    expect(truth - frax).toBeGreaterThan(0.02);
    expect(frax).toBeGreaterThan(0.6);
  });
});

describe("determinism, matching and profiles", () => {
  it("the same seed gives the same cohort; another seed does not", () => {
    const profile = findProfile("Boramae");
    expect(generateCohort(profile, { n: 50, seed: 1 })).toEqual(generateCohort(profile, { n: 50, seed: 1 }));
    expect(generateCohort(profile, { n: 50, seed: 2 })[0]!.hospitalId).not.toBe(
      generateCohort(profile, { n: 50, seed: 1 })[0]!.hospitalId,
    );
  });

  it("1:1 matching pairs each 5-year case with a control of the same sex, age ±3 and BMI ±2", () => {
    const cohort = generateCohort(findProfile("Bundang"), { n: 200, seed: 4, matched: true });
    expect(cohort).toHaveLength(200);
    for (let k = 0; k < cohort.length; k += 2) {
      const [c, m] = [cohort[k]!, cohort[k + 1]!];
      expect(c.event && analysisTimeDays(c) <= 1826).toBe(true);
      expect(m.event && analysisTimeDays(m) <= 1826).toBe(false);
      expect(m.female).toBe(c.female);
      expect(Math.abs(m.age - c.age)).toBeLessThanOrEqual(3);
      expect(Math.abs(m.bmi - c.bmi)).toBeLessThanOrEqual(2);
    }
  });

  it("a partner hospital's profile is one more JSON file, no code change", () => {
    const dir = mkdtempSync(join(tmpdir(), "fracval-profiles-"));
    const partner = {
      ...findProfile("Boramae"),
      site: "Partner-Busan",
      institution: "A partner hospital (SYNTHETIC)",
      age: { mean: 70, sd: 5, min: 50, max: 95 },
    };
    writeFileSync(join(dir, "partner-busan.json"), JSON.stringify(partner));
    expect(loadProfiles(dir).has("partner-busan")).toBe(true);
    const cohort = generateCohort(findProfile("partner-busan", dir), { n: 2000, seed: 1 });
    expect(Math.abs(mean(cohort.map((p) => p.age)) - 70)).toBeLessThan(0.5);
  });

  it("rejects a malformed profile naming the field", () => {
    const dir = mkdtempSync(join(tmpdir(), "fracval-profiles-"));
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ ...findProfile("Boramae"), site: "Bad", women: 1.4 }));
    expect(() => loadProfiles(dir)).toThrow(/bad\.json: women/);
  });
});

describe("mortality (Gompertz) and death as a competing event", () => {
  const profile = findProfile("Severance");
  const withDeaths = generateCohort(profile, { n: 3000, seed: 21 });
  const without = generateCohort(profile, { n: 3000, seed: 21, mortality: false });

  it("kills about 1–2 % a year at 65–75, more in men and with age; death ends follow-up", () => {
    const deaths = withDeaths.filter((p) => p.deathDays !== null);
    expect(deaths.length).toBeGreaterThan(50);
    const personYears = withDeaths.reduce((s, p) => s + p.followUpDays / 365.25, 0);
    const rate = deaths.length / personYears;
    expect(rate).toBeGreaterThan(0.008);
    expect(rate).toBeLessThan(0.05);
    for (const p of deaths) {
      expect(p.deathDays).toBe(p.followUpDays);
      if (p.eventDays !== null) expect(p.deathDays!).toBeGreaterThanOrEqual(p.eventDays);
    }
    const rateOf = (ps: SyntheticPatient[]) =>
      ps.filter((p) => p.deathDays !== null).length / ps.reduce((s, p) => s + p.followUpDays / 365.25, 0);
    expect(rateOf(withDeaths.filter((p) => !p.female))).toBeGreaterThan(rateOf(withDeaths.filter((p) => p.female)));
    expect(rateOf(withDeaths.filter((p) => p.age >= 75))).toBeGreaterThan(rateOf(withDeaths.filter((p) => p.age < 65)));
  });

  it("a death before the fracture means no fracture is seen; everything else is the cohort without mortality", () => {
    let preempted = 0;
    withDeaths.forEach((p, i) => {
      const q = without[i]!;
      expect(p.truth.fragility).toBe(q.truth.fragility);
      expect(p.age).toBe(q.age);
      if (q.event && p.truth.deathTimeDays < q.truth.eventTimeDays) {
        expect(p.event).toBe(false);
        preempted++;
      }
    });
    expect(preempted).toBeGreaterThan(0);
    expect(without.every((p) => p.deathDays === null)).toBe(true);
  });
});
