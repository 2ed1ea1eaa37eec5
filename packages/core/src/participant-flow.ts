// The flow of participants of a run as a viewer may see it (TRIPOD: uploaded → excluded with reasons →
// analysed). Counts of patients that rest on fewer than the minimum cell count are withheld from
// viewers without patient-level access to the site, and so is a second exclusion count whenever only
// one would be withheld: otherwise it could be derived as uploaded − analysed − the shown exclusions.
import { z } from "zod";
import { MINIMUM_CELL_COUNT } from "./disclosure.js";

const Count = z.number().int().nonnegative();

/** How many patients reached the analysis, and why the others did not; stored on the run with its metrics. */
export const ParticipantFlow = z.object({
  uploaded: Count,
  /** Patients without a model score, by the scoring failure's reason. */
  notScored: z.array(z.object({ reason: z.string(), count: Count })),
  /** Scored patients without a recorded outcome. */
  missingOutcome: Count,
  analysed: Count,
  events: Count,
  /** For the model's complete-case AUROC at the horizon: censored before the horizon, left out. */
  censoredBeforeHorizon: Count,
  horizonDays: z.number().int().positive(),
  /** Deaths were recorded (death_days) and analysed as a competing event; false: deaths count as censoring. */
  competingRisks: z.boolean().default(false),
  /** Patients who died before any fracture (competing events); null when deaths were not recorded. */
  deathsBeforeFracture: Count.nullable().default(null),
  /** Each comparator on the patients that have it: how many were compared, how many had no score. */
  comparators: z.array(z.object({ scoreSource: z.string(), analysed: Count, excludedMissingScore: Count })),
});
export type ParticipantFlow = z.infer<typeof ParticipantFlow>;

export interface ShownParticipantFlow {
  uploaded: number;
  notScored: { reason: string; count: number | null }[];
  missingOutcome: number | null;
  analysed: number;
  events: number | null;
  censoredBeforeHorizon: number | null;
  horizonDays: number;
  competingRisks: boolean;
  deathsBeforeFracture: number | null;
  comparators: { scoreSource: string; analysed: number | null; excludedMissingScore: number | null }[];
}

const small = (count: number) => count > 0 && count < MINIMUM_CELL_COUNT;

/**
 * Example (minimum 10): 400 uploaded, 3 undecodable images, 0 without an outcome, 397 analysed → for a
 * viewer without patient-level access the 3 is withheld and, as the only other exclusion (0) would
 * betray it, that one is withheld too; uploaded and analysed stay, their difference (3) being "< 10 in
 * total" is all that can be learnt. Events below 10 are withheld; so are a comparator's counts when
 * either its analysed or its excluded count is small (each is the other's complement).
 */
export function protectParticipantFlow(flow: ParticipantFlow, mayReadPatientData: boolean): ShownParticipantFlow {
  if (mayReadPatientData) return flow;
  const exclusions = [...flow.notScored.map((r) => r.count), flow.missingOutcome];
  const hide = exclusions.map(small);
  if (hide.filter(Boolean).length === 1 && exclusions.length > 1) {
    // Complementary suppression: withhold the smallest other exclusion as well.
    let partner = -1;
    exclusions.forEach((count, k) => {
      if (!hide[k] && (partner < 0 || count < exclusions[partner]!)) partner = k;
    });
    hide[partner] = true;
  }
  const shown = (k: number) => (hide[k] ? null : exclusions[k]!);
  return {
    uploaded: flow.uploaded,
    notScored: flow.notScored.map((r, k) => ({ reason: r.reason, count: shown(k) })),
    missingOutcome: shown(exclusions.length - 1),
    analysed: flow.analysed,
    events: small(flow.events) || small(flow.analysed - flow.events) ? null : flow.events,
    censoredBeforeHorizon: small(flow.censoredBeforeHorizon) ? null : flow.censoredBeforeHorizon,
    horizonDays: flow.horizonDays,
    competingRisks: flow.competingRisks,
    deathsBeforeFracture:
      flow.deathsBeforeFracture === null || !small(flow.deathsBeforeFracture) ? flow.deathsBeforeFracture : null,
    comparators: flow.comparators.map((c) => {
      const hidden = small(c.analysed) || small(c.excludedMissingScore);
      return {
        scoreSource: c.scoreSource,
        analysed: hidden ? null : c.analysed,
        excludedMissingScore: hidden ? null : c.excludedMissingScore,
      };
    }),
  };
}
