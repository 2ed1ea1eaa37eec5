import { describe, expect, it } from "vitest";
import { protectParticipantFlow, type ParticipantFlow } from "../src/participant-flow.js";

const flow: ParticipantFlow = {
  uploaded: 400,
  notScored: [{ reason: "image could not be decoded", count: 3 }],
  missingOutcome: 0,
  analysed: 397,
  events: 63,
  censoredBeforeHorizon: 52,
  horizonDays: 1826,
  competingRisks: true,
  deathsBeforeFracture: 41,
  comparators: [
    { scoreSource: "frax_mof", analysed: 391, excludedMissingScore: 6 },
    { scoreSource: "frax_hip", analysed: 300, excludedMissingScore: 97 },
  ],
};

describe("protectParticipantFlow", () => {
  it("shows everything to a viewer with patient-level access", () => {
    expect(protectParticipantFlow(flow, true)).toEqual(flow);
  });
  it("withholds a small exclusion and, complementarily, the one other exclusion that would betray it", () => {
    const shown = protectParticipantFlow(flow, false);
    expect(shown.notScored).toEqual([{ reason: "image could not be decoded", count: null }]);
    expect(shown.missingOutcome).toBeNull(); // 0 shown would give 400 − 397 − 0 = 3
    expect(shown).toMatchObject({ uploaded: 400, analysed: 397, events: 63, censoredBeforeHorizon: 52 });
    // A comparator's analysed and excluded counts are each other's complement: both go when one is small.
    expect(shown.comparators).toEqual([
      { scoreSource: "frax_mof", analysed: null, excludedMissingScore: null },
      { scoreSource: "frax_hip", analysed: 300, excludedMissingScore: 97 },
    ]);
  });
  it("withholds the events when events or non-events are fewer than 10", () => {
    expect(protectParticipantFlow({ ...flow, events: 7 }, false).events).toBeNull();
    expect(protectParticipantFlow({ ...flow, events: 390 }, false).events).toBeNull();
    expect(protectParticipantFlow({ ...flow, notScored: [], missingOutcome: 0 }, false).missingOutcome).toBe(0);
  });
});
