// Progress tells the truth: a run or an ingestion that has not moved for a while waits for a retry, and
// its ETA is then unknown, not a count of seconds frozen at the last batch.
import { describe, expect, it } from "vitest";
import { datasetProgress, runProgress, STALL_SECONDS } from "../src/progress.js";
import { runThroughput } from "../src/runs.js";

const t0 = new Date("2026-11-30T08:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const run = {
  status: "RUNNING" as const,
  createdAt: t0,
  startedAt: t0,
  progressAt: at(10),
  progressDone: 100,
  progressTotal: 1000,
  imagesDone: 100,
};

describe("runProgress and runThroughput", () => {
  it("a run whose last batch finished seconds ago is WORKING, with an ETA at its pace", () => {
    expect(runProgress(run, at(15))).toEqual({ state: "WORKING", secondsSinceProgress: 5 });
    expect(runThroughput(run, at(15))).toEqual({ imagesPerSecond: 10, etaSeconds: 90 });
  });
  it("a run with no batch for longer than the stall limit WAITS_FOR_RETRY, and its ETA is unknown", () => {
    const now = at(10 + STALL_SECONDS + 1);
    expect(runProgress(run, now)).toEqual({ state: "WAITING_FOR_RETRY", secondsSinceProgress: STALL_SECONDS + 1 });
    expect(runThroughput(run, now).etaSeconds).toBeNull();
  });
  it("metrics get the job's expiry before they are said to wait; finished runs are FINISHED", () => {
    expect(runProgress({ ...run, status: "COMPUTING_METRICS" }, at(10 + STALL_SECONDS + 60)).state).toBe("WORKING");
    expect(runProgress({ ...run, status: "SUCCEEDED" }, at(10_000))).toEqual({
      state: "FINISHED",
      secondsSinceProgress: null,
    });
    expect(runProgress({ ...run, status: "QUEUED", startedAt: null, progressAt: null }, at(5)).state).toBe("QUEUED");
  });
});

describe("datasetProgress", () => {
  it("VALIDATING: WORKING while checkpoints come, WAITING_FOR_RETRY when they stop", () => {
    expect(datasetProgress({ status: "VALIDATING", updatedAt: t0 }, at(3))).toEqual({
      state: "WORKING",
      secondsSinceProgress: 3,
    });
    expect(datasetProgress({ status: "VALIDATING", updatedAt: t0 }, at(STALL_SECONDS + 5)).state).toBe(
      "WAITING_FOR_RETRY",
    );
    expect(datasetProgress({ status: "READY", updatedAt: t0 }, at(3))).toEqual({
      state: "FINISHED",
      secondsSinceProgress: null,
    });
  });
});
