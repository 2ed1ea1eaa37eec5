// Outside development no process starts with a placeholder or guessable secret, naming the variable: the
// API for AUTH_SECRET, the worker for FRACVAL_PSEUDONYM_SECRET (only the workers pseudonymise).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../apps/api/src/config.js";
import { workerConfig } from "../../apps/worker/src/config.js";

const base = {
  DATABASE_URL: "postgresql://u:p@localhost:5432/db",
  FRACVAL_STORAGE_DIR: "/s",
  FRACVAL_UPLOAD_DIR: "/u",
};
const strong = () => randomBytes(48).toString("base64");

describe("production secrets", () => {
  it.each([
    ["AUTH_SECRET", "CHANGE-ME-32-bytes-of-randomness", /AUTH_SECRET looks like a placeholder/],
    ["AUTH_SECRET", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", /AUTH_SECRET has only 1 distinct characters/],
  ])("the API refuses %s = %j", (name, value, message) => {
    const env = { ...base, NODE_ENV: "production", AUTH_SECRET: strong(), [name]: value };
    expect(() => readConfig(env)).toThrow(message);
  });
  it.each([
    ["CHANGE-ME-per-installation-0123456", /FRACVAL_PSEUDONYM_SECRET looks like a placeholder/],
    ["bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", /FRACVAL_PSEUDONYM_SECRET has only 1 distinct characters/],
  ])("the worker refuses FRACVAL_PSEUDONYM_SECRET = %j", (value, message) => {
    expect(() => workerConfig({ ...base, NODE_ENV: "production", FRACVAL_PSEUDONYM_SECRET: value })).toThrow(message);
  });
  it("accepts random secrets in production, and anything long enough in development", () => {
    expect(readConfig({ ...base, NODE_ENV: "production", AUTH_SECRET: strong() }).NODE_ENV).toBe("production");
    expect(readConfig({ ...base, AUTH_SECRET: "CHANGE-ME-32-bytes-of-randomness" }).NODE_ENV).toBe("development");
    expect(
      workerConfig({ ...base, NODE_ENV: "production", FRACVAL_PSEUDONYM_SECRET: strong() }).pseudonymSecret,
    ).toHaveLength(64);
    expect(workerConfig({ ...base, FRACVAL_PSEUDONYM_SECRET: "dev-pseudonym-secret" }).pseudonymSecret).toBe(
      "dev-pseudonym-secret",
    );
  });
  it("the API needs no pseudonym secret at all", () => {
    expect(readConfig({ ...base, AUTH_SECRET: strong() })).not.toHaveProperty("FRACVAL_PSEUDONYM_SECRET");
  });
});
