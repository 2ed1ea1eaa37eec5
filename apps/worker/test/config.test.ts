// The worker's thread budget: WORKERS × intraOpNumThreads never exceeds the host's cores.
import { describe, expect, it } from "vitest";
import { cpus } from "node:os";
import { threadBudget, workerConfig } from "../src/config.js";

describe("threadBudget", () => {
  it("splits the cores between the workers (at least one thread each)", () => {
    expect(threadBudget({ workers: 1, cores: 16 })).toEqual({ threads: 16, clamped: false });
    expect(threadBudget({ workers: 4, cores: 16 })).toEqual({ threads: 4, clamped: false });
    expect(threadBudget({ workers: 3, cores: 16 })).toEqual({ threads: 5, clamped: false });
    expect(threadBudget({ workers: 32, cores: 16 })).toEqual({ threads: 1, clamped: false });
  });
  it("honours a smaller request and clamps a larger one", () => {
    expect(threadBudget({ workers: 4, cores: 16, requested: 2 })).toEqual({ threads: 2, clamped: false });
    expect(threadBudget({ workers: 4, cores: 16, requested: 8 })).toEqual({ threads: 4, clamped: true });
    for (const workers of [1, 2, 3, 5, 8])
      for (const requested of [1, 2, 7, 64]) {
        const { threads } = threadBudget({ workers, cores: 16, requested });
        expect(threads * workers).toBeLessThanOrEqual(16);
      }
  });
});

describe("workerConfig", () => {
  const base = {
    DATABASE_URL: "postgres://x",
    FRACVAL_STORAGE_DIR: "/tmp/s",
    FRACVAL_UPLOAD_DIR: "/tmp/u",
    FRACVAL_PSEUDONYM_SECRET: "dev-pseudonym-secret",
  };
  it("defaults to CUDA then CPU and names a bad setting", () => {
    expect(workerConfig(base).providers).toEqual(["cuda", "cpu"]);
    expect(workerConfig({ ...base, EXECUTION_PROVIDERS: "cpu" }).providers).toEqual(["cpu"]);
    expect(() => workerConfig({ ...base, EXECUTION_PROVIDERS: "cuda,tpu" })).toThrow(/unknown provider "tpu"/);
    expect(() => workerConfig({ ...base, WORKERS: "0" })).toThrow(/WORKERS must be a whole number/);
    expect(() => workerConfig({ ...base, INTRA_OP_NUM_THREADS: "two" })).toThrow(/INTRA_OP_NUM_THREADS/);
    expect(() => workerConfig({ DATABASE_URL: "x" })).toThrow(
      /FRACVAL_STORAGE_DIR, FRACVAL_UPLOAD_DIR and FRACVAL_PSEUDONYM_SECRET are required/,
    );
  });
  it("preprocessing threads: the worker's share of the cores by default, 0 for none, a bad value named", () => {
    const cores = cpus().length;
    expect(workerConfig(base).imageThreads).toBe(cores);
    expect(workerConfig({ ...base, WORKERS: String(cores) }).imageThreads).toBe(1);
    expect(workerConfig({ ...base, IMAGE_THREADS: "0" }).imageThreads).toBe(0);
    expect(workerConfig({ ...base, IMAGE_THREADS: "3" }).imageThreads).toBe(3);
    expect(() => workerConfig({ ...base, IMAGE_THREADS: "-1" })).toThrow(
      /IMAGE_THREADS must be a whole number ≥ 0 \(got "-1"\)/,
    );
  });
});
