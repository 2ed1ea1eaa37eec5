// Site profiles: the cohort characteristics of each hospital, kept as data (profiles/<site>.json).
// A partner hospital's profile is one more JSON file, in profiles/ or in a directory given at run time.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

const Share = z.number().min(0).max(1);
const MeanSd = z.object({ mean: z.number(), sd: z.number().positive() });

export const SiteProfile = z.object({
  site: z.string().min(1),
  institution: z.string().min(1),
  source: z.string(),
  modality: z.enum(["xray", "ct"]),
  age: MeanSd.extend({ min: z.number().min(18), max: z.number().max(110) }),
  women: Share,
  bmi: MeanSd,
  prevalence: z.object({
    currentSmoking: Share,
    alcohol3Plus: Share,
    glucocorticoids: Share,
    secondaryOsteoporosis: Share,
    rheumatoidArthritis: Share,
    priorFragilityFracture: Share,
    parentalHipFracture: Share,
    type2Diabetes: Share,
    prevalentVertebralFracture: Share,
  }),
  femoralNeckBmd: MeanSd,
  /** Share of patients with an observed incident fracture (within `withinDays` when given). */
  outcome: z.object({ targetEventShare: Share, withinDays: z.number().int().positive().nullable() }),
  /** Administrative follow-up: uniform in [min, max], or log-normal with the given median clipped to it. */
  followUp: z.object({
    minDays: z.number().int().positive(),
    maxDays: z.number().int().positive(),
    medianDays: z.number().positive().optional(),
    annualLossRate: Share,
  }),
  caseControlMatching: z.boolean(),
  manufacturers: z.array(z.object({ name: z.string(), share: Share })).min(1),
});
export type SiteProfile = z.infer<typeof SiteProfile>;

export const BUILTIN_PROFILE_DIR = new URL("../profiles/", import.meta.url).pathname;

/** Every profile in the built-in directory and in `extraDir` (a partner's own profiles). */
export function loadProfiles(extraDir?: string): Map<string, SiteProfile> {
  const profiles = new Map<string, SiteProfile>();
  for (const dir of [BUILTIN_PROFILE_DIR, ...(extraDir ? [extraDir] : [])]) {
    if (!existsSync(dir)) throw new Error(`profile directory ${dir} does not exist`);
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      const parsed = SiteProfile.safeParse(JSON.parse(readFileSync(join(dir, file), "utf8")));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`${join(dir, file)}: ${issue.path.join(".")}: ${issue.message}`);
      }
      profiles.set(parsed.data.site.toLowerCase(), parsed.data);
    }
  }
  return profiles;
}

export function findProfile(site: string, extraDir?: string): SiteProfile {
  const profiles = loadProfiles(extraDir);
  const profile = profiles.get(site.toLowerCase());
  if (!profile)
    throw new Error(`no profile for site "${site}" (have ${[...profiles.values()].map((p) => p.site).join(", ")})`);
  return profile;
}
