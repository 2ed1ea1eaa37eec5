// Start-up races: two processes creating pg-boss queues on a fresh database can deadlock; the loser retries.
import { describe, expect, it } from "vitest";
import { isQueueBookkeepingFailure, retryOnDeadlock } from "../src/job-queue.js";

const deadlock = () => Object.assign(new Error("deadlock detected"), { code: "40P01" });

describe("retryOnDeadlock", () => {
  it("retries a PostgreSQL deadlock (40P01) and returns the result", async () => {
    let calls = 0;
    const result = await retryOnDeadlock(
      async () => {
        calls++;
        if (calls < 3) throw deadlock();
        return "created";
      },
      { delayMs: 1 },
    );
    expect(result).toBe("created");
    expect(calls).toBe(3);
  });

  it("does not retry other errors, and gives up after the last attempt", async () => {
    let calls = 0;
    await expect(
      retryOnDeadlock(
        async () => {
          calls++;
          throw Object.assign(new Error("permission denied"), { code: "42501" });
        },
        { delayMs: 1 },
      ),
    ).rejects.toThrow("permission denied");
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      retryOnDeadlock(
        async () => {
          calls++;
          throw deadlock();
        },
        { attempts: 3, delayMs: 1 },
      ),
    ).rejects.toMatchObject({ code: "40P01" });
    expect(calls).toBe(3);
  });
});

describe("isQueueBookkeepingFailure", () => {
  it("recognises the rejection of pg-boss's un-awaited complete/fail (its own stack), and nothing else", () => {
    const fromBoss = Object.assign(new Error("Connection terminated due to connection timeout"), {
      stack:
        "Error: Connection terminated due to connection timeout\n    at /app/node_modules/pg-pool/index.js:45:11\n    at async Db.executeSql (/app/node_modules/pg-boss/src/db.js:42:14)\n    at async Manager.fail (/app/node_modules/pg-boss/src/manager.js:493:20)",
    });
    expect(isQueueBookkeepingFailure(fromBoss)).toBe(true);
    expect(isQueueBookkeepingFailure(new Error("a bug of ours"))).toBe(false);
    expect(isQueueBookkeepingFailure("a string")).toBe(false);
    expect(isQueueBookkeepingFailure(null)).toBe(false);
  });
});
