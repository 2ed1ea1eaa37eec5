// The one reading of the outcome columns that every analysis shares (see manifest-columns.ts).

export interface RecordedOutcome {
  /** End of observation: last contact, death or study end (followup_days). */
  followUpDays: number;
  /** Whether an incident vertebral fracture was observed during follow-up. */
  event: boolean;
  /** Day of the fracture (event_days); null without one. */
  eventDays: number | null;
}

/**
 * Analysis time in days: the fracture day for a patient with a fracture, else the end of observation
 * (censored). Follow-up that goes on after a fracture never turns the fracture into a later event.
 */
export function analysisTimeDays(outcome: RecordedOutcome): number {
  return outcome.event && outcome.eventDays !== null ? outcome.eventDays : outcome.followUpDays;
}
