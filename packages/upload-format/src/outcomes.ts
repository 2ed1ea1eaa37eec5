// The one reading of the outcome columns that every analysis shares (see manifest-columns.ts).

export interface RecordedOutcome {
  /** End of observation: last contact, death or study end (followup_days). */
  followUpDays: number;
  /** Whether an incident vertebral fracture was observed during follow-up. */
  event: boolean;
  /** Day of the fracture (event_days); null without one. */
  eventDays: number | null;
  /** Day of death (death_days) when the patient died during follow-up; absent or null otherwise. */
  deathDays?: number | null;
}

/**
 * Analysis time in days: the fracture day for a patient with a fracture, else the end of observation
 * (censored). Follow-up that goes on after a fracture never turns the fracture into a later event.
 */
export function analysisTimeDays(outcome: RecordedOutcome): number {
  return outcome.event && outcome.eventDays !== null ? outcome.eventDays : outcome.followUpDays;
}

/** Competing-risks status: 0 censored, 1 fracture, 2 death before any fracture. */
export type CompetingStatus = 0 | 1 | 2;

/**
 * Time and status for a competing-risks analysis: the fracture day (status 1) when a fracture was
 * observed; else the death day (status 2) when the patient died; else the end of observation (0).
 * A death after a fracture does not change the fracture's status.
 */
export function competingOutcome(outcome: RecordedOutcome): { time: number; status: CompetingStatus } {
  if (outcome.event && outcome.eventDays !== null) return { time: outcome.eventDays, status: 1 };
  if (outcome.deathDays !== undefined && outcome.deathDays !== null) return { time: outcome.deathDays, status: 2 };
  return { time: outcome.followUpDays, status: 0 };
}
