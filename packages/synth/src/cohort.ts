// The generative model of a synthetic cohort (equations in ../README.md). Clinical data, a FRAX-like
// probability, outcomes from a Weibull proportional-hazards model, and the latent truth the images
// will show (bone fragility, vertebral deformities, muscle quality).
import { analysisTimeDays } from "@fracval/upload-format";
import { fraxLikeProbabilities } from "./frax-surrogate.js";
import type { SiteProfile } from "./profile.js";
import { Random } from "./random.js";

export const VERTEBRAE = ["T11", "T12", "L1", "L2", "L3", "L4", "L5"] as const;
export type Vertebra = (typeof VERTEBRAE)[number];

/** Genant semi-quantitative grade of a vertebral deformity (0 = none, 1 mild, 2 moderate, 3 severe). */
export interface Deformity {
  level: Vertebra;
  grade: 1 | 2 | 3;
  shape: "wedge" | "biconcave" | "crush";
  /** Height loss as a fraction of the expected height (Genant: 20–25%, 25–40%, > 40%). */
  heightLoss: number;
}

export interface SyntheticPatient {
  index: number;
  hospitalId: string;
  name: { family: string; given: string };
  birthDate: string; // YYYYMMDD
  studyDate: string; // YYYYMMDD, baseline imaging
  accessionNumber: string;
  age: number;
  female: boolean;
  heightCm: number;
  weightKg: number;
  bmi: number;
  glucocorticoids: boolean;
  secondaryOsteoporosis: boolean;
  rheumatoidArthritis: boolean;
  currentSmoking: boolean;
  alcohol3Plus: boolean;
  priorFragilityFracture: boolean;
  parentalHipFracture: boolean;
  type2Diabetes: boolean;
  femoralNeckBmd: number;
  femoralNeckTScore: number;
  fraxMof: number;
  fraxHip: number;
  prevalentDeformities: Deformity[];
  manufacturer: string;
  /** End of observation (followup_days): censoring by loss or study end, also after a fracture. */
  followUpDays: number;
  event: boolean;
  /** Day of the incident fracture (event_days), the analysis time of an event. */
  eventDays: number | null;
  /** Day of death during follow-up (death_days); a death before any fracture is a competing event. */
  deathDays: number | null;
  truth: {
    /** Latent bone fragility, standardised in the cohort (higher = more fragile). */
    fragility: number;
    /** Latent paravertebral muscle quality, standardised (higher = more and healthier muscle). */
    muscleQuality: number;
    /** True risk of an incident vertebral fracture within 5 years (and within 10). */
    risk5y: number;
    risk10y: number;
    /** Time of the incident fracture had there been no censoring. */
    eventTimeDays: number;
    /** Time of death from the Gompertz mortality model (Infinity when mortality is off). */
    deathTimeDays: number;
  };
}

export const WEIBULL_SHAPE = 1.1;
/** Effects on the log-hazard (the images carry fragility, deformities and muscle; FRAX does not see all). */
export const HAZARD = {
  fragility: 0.75,
  agePerDecade: 0.25,
  prevalentFracture: 0.7,
  priorFracture: 0.35,
  muscle: -0.45,
  glucocorticoids: 0.2,
} as const;
/** FN BMD reference of young women (NHANES III): T = (BMD − 0.858)/0.120. */
const TSCORE_REF = { mean: 0.858, sd: 0.12 };

const FAMILY = [
  "KIM",
  "LEE",
  "PARK",
  "CHOI",
  "JUNG",
  "KANG",
  "CHO",
  "YOON",
  "JANG",
  "LIM",
  "HAN",
  "OH",
  "SEO",
  "SHIN",
  "KWON",
];
const GIVEN = [
  "MINJI",
  "SEOYEON",
  "JIWOO",
  "HYUNWOO",
  "JUNHO",
  "YOUNGSOO",
  "MIKYUNG",
  "SOOJIN",
  "DONGHYUN",
  "EUNJI",
  "SANGHOON",
  "HYEJIN",
];

const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const ymd = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, "");

/** Solves f(x) = target for increasing f by bisection on [lo, hi]. */
function bisect(f: (x: number) => number, target: number, lo: number, hi: number): number {
  for (let k = 0; k < 100; k++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function drawDeformities(random: Random, count: number): Deformity[] {
  const weights = [0.08, 0.2, 0.24, 0.16, 0.12, 0.1, 0.1]; // thoracolumbar junction most often
  const levels = new Set<Vertebra>();
  while (levels.size < count) levels.add(random.pick(VERTEBRAE.map((v, i) => ({ value: v, share: weights[i]! }))));
  return [...levels].map((level) => {
    const grade = random.pick([
      { value: 1 as const, share: 0.5 },
      { value: 2 as const, share: 0.35 },
      { value: 3 as const, share: 0.15 },
    ]);
    const [lo, hi] = grade === 1 ? [0.2, 0.25] : grade === 2 ? [0.25, 0.4] : [0.4, 0.55];
    const shape = random.pick([
      { value: "wedge" as const, share: 0.6 },
      { value: "biconcave" as const, share: 0.3 },
      { value: "crush" as const, share: 0.1 },
    ]);
    return { level, grade, shape, heightLoss: lo + random.next() * (hi - lo) };
  });
}

export interface CohortOptions {
  n: number;
  seed: number;
  /** 1:1 case-control matching on sex, age (±3 y) and BMI (±2) among 5-year cases, as in seed 001. */
  matched?: boolean;
  /**
   * Age- and sex-dependent mortality (Gompertz, MORTALITY): death ends follow-up, and a death before the
   * fracture is a competing event. Default on; the reference models were built and carded without it.
   */
  mortality?: boolean;
}

/**
 * Gompertz mortality per year, h(age) = exp(α + β·age): about 1.0 % a year for women and 1.8 % for men at
 * 65, doubling every 8 years (roughly the Korean life table of the 2010s, which the sites share).
 */
export const MORTALITY = {
  beta: Math.LN2 / 8,
  alphaFemale: Math.log(0.01) - (Math.LN2 / 8) * 65,
  alphaMale: Math.log(0.018) - (Math.LN2 / 8) * 65,
} as const;

/** Days from baseline to death for a person of `age`: H(t) = e^(α+β·age)(e^(βt) − 1)/β solved for −log U. */
export function gompertzDeathDays(age: number, female: boolean, random: Random): number {
  const alpha = female ? MORTALITY.alphaFemale : MORTALITY.alphaMale;
  const target = -Math.log(1 - random.next());
  const years = Math.log(1 + (MORTALITY.beta * target) / Math.exp(alpha + MORTALITY.beta * age)) / MORTALITY.beta;
  return years * 365.25;
}

/** Draws the cohort of a site. Deterministic for (profile, n, seed, matched). */
export function generateCohort(profile: SiteProfile, options: CohortOptions): SyntheticPatient[] {
  if (!Number.isInteger(options.n) || options.n < 1) throw new Error(`n must be a positive integer; got ${options.n}`);
  const pool = options.matched ? Math.max(options.n * 6, 200) : options.n;
  const random = new Random(options.seed);
  const { pvfIntercept, logLambda } = calibration(profile);
  const drawn = drawPatients(profile, random, pool, pvfIntercept);
  const studyStart = Date.UTC(2010, 0, 1);

  let out = drawn.map((q, k): SyntheticPatient => {
    const { x } = q;
    const rate = Math.exp(logLambda + q.lp);
    const eventTime = (x.exposure / rate) ** (1 / WEIBULL_SHAPE);
    // As a registry records it: observation ends at censoring (loss or study end) or death, and goes on
    // after a fracture, whose own day is eventDays. A death before the fracture means no fracture is seen.
    const deathTime =
      options.mortality === false
        ? Number.POSITIVE_INFINITY
        : gompertzDeathDays(x.age, x.female, random.child(30_000 + k));
    const died = deathTime <= q.censor;
    const endOfObservation = Math.max(1, Math.ceil(Math.min(q.censor, deathTime)));
    const event = eventTime <= q.censor && eventTime < deathTime;
    const child = random.child(10_000 + k);
    const studyDate = new Date(studyStart + Math.floor(child.next() * 7 * 365) * 86_400_000);
    const birth = new Date(studyDate.getTime() - Math.round(x.age * 365.25) * 86_400_000);
    return {
      index: k,
      hospitalId: `${profile.site.slice(0, 3).toUpperCase()}${String(10_000_000 + Math.floor(child.next() * 89_999_999))}`,
      name: {
        family: FAMILY[Math.floor(child.next() * FAMILY.length)]!,
        given: GIVEN[Math.floor(child.next() * GIVEN.length)]!,
      },
      birthDate: ymd(birth),
      studyDate: ymd(studyDate),
      accessionNumber: `A${ymd(studyDate)}${String(Math.floor(child.next() * 1e6)).padStart(6, "0")}`,
      age: Math.round(x.age * 10) / 10,
      female: x.female,
      heightCm: Math.round(x.heightCm * 10) / 10,
      weightKg: Math.round(x.bmi * (x.heightCm / 100) ** 2 * 10) / 10,
      bmi: Math.round(x.bmi * 10) / 10,
      ...x.flags,
      femoralNeckBmd: Math.round(q.bmd * 1000) / 1000,
      femoralNeckTScore: Math.round(q.tScore * 10) / 10,
      fraxMof: Math.round(q.frax.mof * 1000) / 10,
      fraxHip: Math.round(q.frax.hip * 1000) / 10,
      prevalentDeformities: q.prevalentDeformities,
      manufacturer: random
        .child(20_000 + k)
        .pick(profile.manufacturers.map((m) => ({ value: m.name, share: m.share }))),
      followUpDays: endOfObservation,
      event,
      eventDays: event ? Math.min(endOfObservation, Math.max(1, Math.ceil(eventTime))) : null,
      deathDays: died ? endOfObservation : null,
      truth: {
        fragility: q.fragility,
        muscleQuality: q.muscle,
        risk5y: 1 - Math.exp(-rate * 1826 ** WEIBULL_SHAPE),
        risk10y: 1 - Math.exp(-rate * 3652 ** WEIBULL_SHAPE),
        eventTimeDays: eventTime,
        deathTimeDays: deathTime,
      },
    };
  });
  if (options.matched) out = matchCasesToControls(out, options.n);
  return out.slice(0, options.n).map((patient, index) => ({ ...patient, index }));
}

const calibrations = new Map<string, { pvfIntercept: number; logLambda: number }>();
const REFERENCE_SIZE = 20_000;

/**
 * The prevalent-fracture intercept and the Weibull scale λ of a profile, fitted once on a reference
 * population of 20,000 drawn from a stream fixed by the site name, so that a patient's true risk does
 * not depend on who else is in a generated cohort.
 */
function calibration(profile: SiteProfile): { pvfIntercept: number; logLambda: number } {
  const key = JSON.stringify(profile);
  const cached = calibrations.get(key);
  if (cached) return cached;
  const seed = [...profile.site].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
  const reference = drawLatent(profile, new Random(seed), REFERENCE_SIZE);
  const pvfIntercept = bisect(
    (alpha) => mean(reference.map((r) => logistic(alpha + 1.2 * r.fragility))),
    profile.prevalence.prevalentVertebralFracture,
    -15,
    15,
  );
  const patients = drawPatients(profile, new Random(seed ^ 0xabcdef), REFERENCE_SIZE, pvfIntercept);
  const window = profile.outcome.withinDays ?? Number.POSITIVE_INFINITY;
  const expectedShare = (logLambda: number) =>
    mean(patients.map((q) => 1 - Math.exp(-Math.exp(logLambda + q.lp) * Math.min(q.censor, window) ** WEIBULL_SHAPE)));
  const result = { pvfIntercept, logLambda: bisect(expectedShare, profile.outcome.targetEventShare, -40, 5) };
  calibrations.set(key, result);
  return result;
}

/** Demographics, risk factors and the standardised latent fragility and muscle quality. */
function drawLatent(profile: SiteProfile, random: Random, count: number) {
  const p = profile.prevalence;
  // The profile's mean age is the cohort's (after the age limits): find the untruncated mean giving it.
  const ageLocation = bisect(
    (m) => truncatedNormalMean(m, profile.age.sd, profile.age.min, profile.age.max),
    profile.age.mean,
    profile.age.min - 50,
    profile.age.max + 50,
  );
  // Standardise the latent variables with the profile's population moments.
  const bern = (q: number) => ({ mean: q, variance: q * (1 - q) });
  const aM = (profile.age.mean - 65) / 10;
  const aV = (profile.age.sd / 10) ** 2;
  const bM = (profile.bmi.mean - 24) / 3.5;
  const bV = (profile.bmi.sd / 3.5) ** 2;
  const terms = [
    [0.55, bern(profile.women)],
    [0.45, bern(p.glucocorticoids)],
    [0.35, bern(p.secondaryOsteoporosis)],
    [0.3, bern(p.rheumatoidArthritis)],
    [0.15, bern(p.currentSmoking)],
    [0.15, bern(p.alcohol3Plus)],
  ] as const;
  const fMean = 0.45 * aM - 0.3 * bM + terms.reduce((s, [c, t]) => s + c * t.mean, 0);
  const fSd = Math.sqrt(
    0.45 ** 2 * aV + 0.3 ** 2 * bV + terms.reduce((s, [c, t]) => s + c * c * t.variance, 0) + 0.75 ** 2,
  );
  const mMean = -0.35 * aM + 0.25 * bM;
  const mSd = Math.sqrt(0.35 ** 2 * aV + 0.25 ** 2 * bV + 0.9 ** 2);
  return Array.from({ length: count }, (_, index) => {
    const female = random.bernoulli(profile.women);
    const age = random.truncatedNormal(ageLocation, profile.age.sd, profile.age.min, profile.age.max);
    const bmi = random.truncatedNormal(profile.bmi.mean, profile.bmi.sd, 14, 45);
    const heightCm = random.normal(female ? 155 : 167, 6);
    const flags = {
      glucocorticoids: random.bernoulli(p.glucocorticoids),
      secondaryOsteoporosis: random.bernoulli(p.secondaryOsteoporosis),
      rheumatoidArthritis: random.bernoulli(p.rheumatoidArthritis),
      currentSmoking: random.bernoulli(p.currentSmoking),
      alcohol3Plus: random.bernoulli(p.alcohol3Plus),
      priorFragilityFracture: random.bernoulli(p.priorFragilityFracture),
      parentalHipFracture: random.bernoulli(p.parentalHipFracture),
      type2Diabetes: random.bernoulli(p.type2Diabetes),
    };
    const a = (age - 65) / 10;
    const b = (bmi - 24) / 3.5;
    const fragilityRaw =
      0.45 * a +
      0.55 * (female ? 1 : 0) -
      0.3 * b +
      0.45 * +flags.glucocorticoids +
      0.35 * +flags.secondaryOsteoporosis +
      0.3 * +flags.rheumatoidArthritis +
      0.15 * +flags.currentSmoking +
      0.15 * +flags.alcohol3Plus +
      random.normal(0, 0.75);
    const muscleRaw = -0.35 * a + 0.25 * b + random.normal(0, 0.9);
    return {
      index,
      female,
      age,
      bmi,
      heightCm,
      flags,
      fragility: (fragilityRaw - fMean) / fSd,
      muscle: (muscleRaw - mMean) / mSd,
      bmdNoise: random.normal(),
      exposure: random.exponential(1),
      followRandom: random.next(),
      lossRandom: random.exponential(1),
    };
  });
}

/** Adds what follows from the latent variables: deformities, BMD, FRAX-like, linear predictor, censoring. */
function drawPatients(profile: SiteProfile, random: Random, count: number, pvfIntercept: number) {
  return drawLatent(profile, random, count).map((x) => {
    const child = random.child(x.index);
    const hasPvf = child.next() < logistic(pvfIntercept + 1.2 * x.fragility);
    const prevalentDeformities = hasPvf ? drawDeformities(child, child.bernoulli(0.25) ? 2 : 1) : [];
    // DXA BMD: the site's mean and SD, correlated 0.85 with (−fragility): the image sees bone more precisely.
    const bmd = Math.max(
      0.3,
      profile.femoralNeckBmd.mean + profile.femoralNeckBmd.sd * (-0.85 * x.fragility + 0.527 * x.bmdNoise),
    );
    const tScore = (bmd - TSCORE_REF.mean) / TSCORE_REF.sd;
    const frax = fraxLikeProbabilities({
      age: x.age,
      bmi: x.bmi,
      priorFracture: x.flags.priorFragilityFracture,
      parentalHipFracture: x.flags.parentalHipFracture,
      currentSmoking: x.flags.currentSmoking,
      glucocorticoids: x.flags.glucocorticoids,
      rheumatoidArthritis: x.flags.rheumatoidArthritis,
      alcohol3Plus: x.flags.alcohol3Plus,
      femoralNeckTScore: tScore,
    });
    const lp =
      HAZARD.fragility * x.fragility +
      HAZARD.agePerDecade * ((x.age - 65) / 10) +
      HAZARD.prevalentFracture * +hasPvf +
      HAZARD.priorFracture * +x.flags.priorFragilityFracture +
      HAZARD.muscle * x.muscle +
      HAZARD.glucocorticoids * +x.flags.glucocorticoids;
    const f = profile.followUp;
    const admin = f.medianDays
      ? Math.min(
          f.maxDays,
          Math.max(f.minDays, f.medianDays * Math.exp(0.7 * Math.sqrt(2) * inverseErf(2 * x.followRandom - 1))),
        )
      : f.minDays + x.followRandom * (f.maxDays - f.minDays);
    const lossRate = -Math.log(1 - f.annualLossRate) / 365.25;
    const censor = Math.min(admin, lossRate > 0 ? x.lossRandom / lossRate : Number.POSITIVE_INFINITY);
    return { x, fragility: x.fragility, muscle: x.muscle, lp, prevalentDeformities, bmd, tScore, frax, censor };
  });
}

/** 1:1 matching of 5-year cases to controls on sex, age (±3 y) and BMI (±2), greedy in pool order. */
function matchCasesToControls(pool: SyntheticPatient[], n: number): SyntheticPatient[] {
  const isCase = (q: SyntheticPatient) => q.event && analysisTimeDays(q) <= 1826;
  const controls = pool.filter((q) => !isCase(q) && analysisTimeDays(q) > 1826);
  const used = new Set<number>();
  const pairs: SyntheticPatient[] = [];
  for (const c of pool.filter(isCase)) {
    if (pairs.length >= n) break;
    const match = controls.find(
      (q) =>
        !used.has(q.index) && q.female === c.female && Math.abs(q.age - c.age) <= 3 && Math.abs(q.bmi - c.bmi) <= 2,
    );
    if (!match) continue;
    used.add(match.index);
    pairs.push(c, match);
  }
  if (pairs.length < n)
    throw new Error(`matching found only ${pairs.length / 2} case-control pairs for n = ${n}; lower n`);
  return pairs;
}

/** Mean of N(μ, σ²) truncated to [lo, hi]: μ + σ(φ(α) − φ(β))/(Φ(β) − Φ(α)). */
function truncatedNormalMean(mu: number, sigma: number, lo: number, hi: number): number {
  const phi = (z: number) => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
  const Phi = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));
  const a = (lo - mu) / sigma;
  const b = (hi - mu) / sigma;
  return mu + (sigma * (phi(a) - phi(b))) / Math.max(1e-300, Phi(b) - Phi(a));
}

/** erf by Abramowitz-Stegun 7.1.26 (|error| < 1.5e-7; used only to place the age distribution). */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

/** erf⁻¹ (Giles' approximation, ample for drawing log-normal follow-up). */
function inverseErf(x: number): number {
  const w = -Math.log((1 - x) * (1 + x));
  let p: number;
  if (w < 5) {
    const t = w - 2.5;
    p = 2.81022636e-8;
    for (const c of [
      3.43273939e-7, -3.5233877e-6, -4.39150654e-6, 0.00021858087, -0.00125372503, -0.00417768164, 0.246640727,
      1.50140941,
    ])
      p = c + p * t;
  } else {
    const t = Math.sqrt(w) - 3;
    p = -0.000200214257;
    for (const c of [
      0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613, 0.00943887047, 1.00167406,
      2.83297682,
    ])
      p = c + p * t;
  }
  return p * x;
}
