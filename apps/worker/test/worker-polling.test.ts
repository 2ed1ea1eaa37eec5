// A worker with work waiting takes the next job as soon as it has finished one. pg-boss waits out the
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

describe("queue polling", () => {
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
    const dir = mkdtempSync(join(tmpdir(), "fracval-polling-"));
    const store = new FileContentStore(dir);
    const jobs = 12;
    await t.db.$transaction(async (tx) => {
      for (let k = 0; k < jobs; k++) await producer.enqueue(tx, QUEUES.runScore, { runId: `r${k}`, patientIds: ["p"] });
    });
    const worker = await startWorker({
      databaseUrl: t.url,
      db: t.db,
      store,
      models: new ModelCache(store),
      uploadsDir: dir,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      tasks: [quickTask as never],
      log: () => {},
      logError: () => {},
    });
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
