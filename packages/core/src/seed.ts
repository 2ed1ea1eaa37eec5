// Demo data seeded once into an empty database: the three seed-paper sites, their studies, one user
// per role, and a small clinical-only demo cohort per site. The cohorts are a placeholder, labelled
// SYNTHETIC, until packages/synth generates realistic multi-site cohorts with images.
import type { Db, Prisma } from "@fracval/db";
import { mulberry32 } from "@fracval/stats";
import { hashPassword } from "./passwords.js";
import { pseudonymise } from "./pseudonym.js";

export const DEMO_PASSWORD = "fracval-demo";

export const SEED_SITES = [
  {
    code: "Bundang",
    name: "Seoul National University Bundang Hospital",
    profile: { age: [72.5, 7.9], women: 0.69, bmi: [23.6, 3.5] },
  },
  {
    code: "Boramae",
    name: "SMG-SNU Boramae Medical Center",
    profile: { age: [67.6, 8.6], women: 0.79, bmi: [23.9, 3.6] },
  },
  {
    code: "Severance",
    name: "Severance Hospital, Yonsei University",
    profile: { age: [65.7, 8.5], women: 0.66, bmi: [24.0, 3.2] },
  },
] as const;

export const SEED_STUDIES = [
  {
    slug: "xray-deepsurv",
    title: "Lateral spine X-ray DeepSurv: time to incident vertebral fracture",
    description:
      "Seed 000 (SNUH): L1-L5 patches from lateral lumbar radiographs plus clinical features into a DeepSurv model; Harrell's C vs FRAX.",
    target: "TIME_TO_EVENT",
    horizonDays: 1826,
    modality: "XRAY_LATERAL_SPINE",
  },
  {
    slug: "ct-bone-muscle",
    title: "Abdominal CT bone + paravertebral muscle: 5-year vertebral fracture",
    description:
      "Seed 001 (Bundang development, Boramae external validation): CNN-RNN over 14 T12-L4 slices; AUROC vs FRAX MOF/hip.",
    target: "BINARY_AT_HORIZON",
    horizonDays: 1826,
    modality: "CT_ABDOMEN",
  },
  {
    slug: "verte-x-pvf",
    title: "VERTE-X pVF risk groups from lateral spine X-ray",
    description:
      "Seed 004 (Severance): prevalent-fracture score on baseline (BpVF) and generated future (GpVF) radiographs; risk groups LL/LH/HIGH.",
    target: "TIME_TO_EVENT",
    horizonDays: 3652,
    modality: "XRAY_LATERAL_SPINE",
    riskGroupRule: {
      groups: [
        { name: "HIGH", when: { score: "model", atLeast: 0.5 } },
        { name: "LH", when: { score: "provided:GpVF", atLeast: 0.6 } },
        { name: "LL", when: "otherwise" },
      ],
      reference: "LL",
    },
  },
] as const;

export const DEMO_USERS = [
  { email: "admin@fracval.demo", name: "Ada Admin", role: "ADMIN", sites: [] },
  {
    email: "pi@fracval.demo",
    name: "Pat PI",
    role: "PI",
    sites: [{ code: "Bundang", patientData: true, lead: false }],
  },
  {
    email: "investigator.bundang@fracval.demo",
    name: "Bo Bundang",
    role: "INVESTIGATOR",
    sites: [{ code: "Bundang", patientData: true, lead: true }],
  },
  {
    email: "investigator.boramae@fracval.demo",
    name: "Bora Boramae",
    role: "INVESTIGATOR",
    sites: [{ code: "Boramae", patientData: true, lead: true }],
  },
  {
    email: "investigator.severance@fracval.demo",
    name: "Seo Severance",
    role: "INVESTIGATOR",
    sites: [{ code: "Severance", patientData: true, lead: true }],
  },
] as const;

function demoPatients(siteIndex: number, n: number) {
  const random = mulberry32(1000 + siteIndex); // deterministic: the demo cohort is identical everywhere
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const { profile } = SEED_SITES[siteIndex]!;
  return Array.from({ length: n }, (_, i) => {
    const age = Math.max(50, profile.age[0] + profile.age[1] * normal());
    const female = random() < profile.women;
    const bmi = profile.bmi[0] + profile.bmi[1] * normal();
    const lp = 0.06 * (age - 65) + (female ? 0.5 : 0) - 0.08 * (bmi - 24) + 0.5 * normal();
    const fraxMof = Math.min(0.6, Math.max(0.01, 0.08 * Math.exp(0.6 * lp)));
    const followUpDays = Math.round(365 + random() * 3 * 365);
    const eventTime = Math.round(-Math.log(1 - random()) / (0.00008 * Math.exp(lp)));
    const event = eventTime <= followUpDays;
    return {
      hospitalId: `DEMO-${siteIndex}-${String(i + 1).padStart(4, "0")}`,
      baseline: {
        ageYears: Math.round(age * 10) / 10,
        sex: female ? ("FEMALE" as const) : ("MALE" as const),
        bmi: Math.round(bmi * 10) / 10,
        fraxMof10y: Math.round(fraxMof * 1000) / 1000,
        fraxHip10y: Math.round(fraxMof * 300) / 1000,
      },
      // Observation goes on after a fracture, as a registry records it.
      outcome: { followUpDays, incidentVertebralFracture: event, eventDays: event ? Math.max(1, eventTime) : null },
    };
  });
}

export interface SeedOptions {
  pseudonymSecret: string;
  demoPatientsPerSite?: number;
}

/** Seeds an empty database; does nothing when sites already exist. Returns whether it seeded. */
export async function seedDemoData(db: Db, options: SeedOptions): Promise<boolean> {
  if ((await db.site.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const perSite = options.demoPatientsPerSite ?? 40;
  await db.$transaction(
    async (tx) => {
      const sites = new Map<string, string>();
      for (const s of SEED_SITES)
        sites.set(s.code, (await tx.site.create({ data: { code: s.code, name: s.name } })).id);
      for (const u of DEMO_USERS) {
        await tx.user.create({
          data: {
            email: u.email,
            name: u.name,
            role: u.role,
            passwordHash,
            siteAccess: {
              create: u.sites.map((s) => ({ siteId: sites.get(s.code)!, patientData: s.patientData, lead: s.lead })),
            },
          },
        });
      }
      const studies = new Map<string, string>();
      for (const s of SEED_STUDIES) {
        const { riskGroupRule, ...rest } = s as (typeof SEED_STUDIES)[number] & {
          riskGroupRule?: Prisma.InputJsonValue;
        };
        studies.set(
          s.slug,
          (await tx.study.create({ data: { ...rest, ...(riskGroupRule ? { riskGroupRule } : {}) } })).id,
        );
      }
      for (const [index, site] of SEED_SITES.entries()) {
        const siteId = sites.get(site.code)!;
        // Severance's demo cohort belongs to seed 000's study, so the registered clinical baselines can run on it.
        const studyId = studies.get(site.code === "Severance" ? "xray-deepsurv" : "ct-bone-muscle")!;
        const rows = demoPatients(index, perSite);
        const dataset = await tx.validationDataset.create({
          data: {
            name: `${site.code} demo cohort (SYNTHETIC, clinical only)`,
            siteId,
            studyId,
            status: "READY",
            patientCount: rows.length,
            eventCount: rows.filter((r) => r.outcome.incidentVertebralFracture).length,
            providedScoreNames: [],
            validationReport: { problems: [], note: "SYNTHETIC demo data seeded at first start" },
            readyAt: new Date(),
          },
        });
        for (const row of rows) {
          await tx.patient.create({
            data: {
              siteId,
              datasetId: dataset.id,
              pseudonym: pseudonymise(options.pseudonymSecret, siteId, row.hospitalId),
              baseline: { create: row.baseline },
              outcome: { create: row.outcome },
            },
          });
        }
      }
    },
    { timeout: 60_000 },
  );
  return true;
}
