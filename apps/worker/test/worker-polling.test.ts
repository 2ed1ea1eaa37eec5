// A job enqueued while a worker waits wakes it at once; a worker with work waiting takes the next job as soon
// as it has finished one. pg-boss waits out the
// rest of its polling interval after each fetch unless told otherwise, which capped scoring at one batch
// of 32 patients per 0.5 s (64 patients/s, whatever the cores) — the worker tells it to fetch again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileContentStore, QUEUES, RunScorePayload } from "@fracval/core";
import { createTestDatabase, TEST_PSEUDONYM_SECRET, waitFor, type TestDatabase } from "@fracval/testing";
import { ModelCache, startWorker } from "../src/index.js";
import type { Task } from "../src/tasks/task.js";
import { startProducer, type Producer } from "./support/producer.js";

let t: TestDatabase;
let producer: Producer;

beforeAll(async () => {
  t = await createTestDatabase();
  producer = await startProducer(t.url);
}, 60_000);

afterAll(async () => {
  await producer?.stop();
  await t?.drop();
});

/** A real worker (pg-boss, the test database) running only `task`. */
async function workerFor(task: Task<RunScorePayload>) {
  const dir = mkdtempSync(join(tmpdir(), "fracval-polling-"));
  const store = new FileContentStore(dir);
  return startWorker({
    databaseUrl: t.url,
    db: t.db,
    store,
    models: new ModelCache(store),
    uploadsDir: dir,
    pseudonymSecret: TEST_PSEUDONYM_SECRET,
    tasks: [task as never],
    log: () => {},
    logError: () => {},
  });
}

describe("queue polling", () => {
  it("a job enqueued while the worker waits starts at once (the enqueue's NOTIFY), not at the next poll", async () => {
    const started: number[] = [];
    const idleTask: Task<RunScorePayload> = {
      queue: QUEUES.runMetrics,
      payload: RunScorePayload,
      pollingIntervalSeconds: 5, // a poll would take 2.5 s on average to find the job
      subject: (p) => `run ${p.runId}`,
      run: async () => {
        started.push(performance.now());
      },
    };
    const worker = await workerFor(idleTask);
    const delays: number[] = [];
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000)); // it has polled and found nothing
      for (let k = 0; k < 4; k++) {
        await t.db.$transaction((tx) => producer.enqueue(tx, QUEUES.runMetrics, { runId: `w${k}`, patientIds: ["p"] }));
        const committed = performance.now();
        await waitFor(async () => started.length > k, 15_000);
        delays.push(started[k]! - committed);
        await new Promise((resolve) => setTimeout(resolve, 300)); // idle again
      }
    } finally {
      await worker.stop();
    }
    // By polling, four jobs each found within 1 s of a 5 s interval would be a 1-in-600 coincidence.
    expect(Math.max(...delays)).toBeLessThan(1000);
  }, 60_000);

  it("a worker with jobs waiting starts the next one at once, not after the polling interval", async () => {
    const started: number[] = [];
    const quickTask: Task<RunScorePayload> = {
      queue: QUEUES.runScore,
      payload: RunScorePayload,
      pollingIntervalSeconds: 0.5,
      subject: (p) => `run ${p.runId}`,
      run: async () => {
        started.push(performance.now());
        await new Promise((resolve) => setTimeout(resolve, 20));
      },
    };
    const jobs = 12;
    await t.db.$transaction(async (tx) => {
      for (let k = 0; k < jobs; k++) await producer.enqueue(tx, QUEUES.runScore, { runId: `r${k}`, patientIds: ["p"] });
    });
    const worker = await workerFor(quickTask);
    try {
      await waitFor(async () => started.length >= jobs, 30_000);
    } finally {
      await worker.stop();
    }
    const gaps = started.slice(1).map((at, k) => at - started[k]!);
    gaps.sort((a, b) => a - b);
    // Each job takes 20 ms plus its fetch and completion; waiting out the interval made every gap ≥ 500 ms.
    expect(gaps[Math.floor(gaps.length / 2)]!).toBeLessThan(250);
    expect(started.at(-1)! - started[0]!).toBeLessThan((jobs - 1) * 250);
  }, 60_000);
});
