// Outside development the API refuses to start with a placeholder or guessable secret, naming the variable.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../apps/api/src/config.js";

const base = { DATABASE_URL: "postgresql://u:p@localhost:5432/db", FRACVAL_STORAGE_DIR: "/s", FRACVAL_UPLOAD_DIR: "/u" };
const strong = () => randomBytes(48).toString("base64");

describe("production secrets", () => {
  it.each([
    ["AUTH_SECRET", "CHANGE-ME-32-bytes-of-randomness", /AUTH_SECRET looks like a placeholder/],
    ["FRACVAL_PSEUDONYM_SECRET", "CHANGE-ME-per-installation-0123456", /FRACVAL_PSEUDONYM_SECRET looks like a placeholder/],
    ["AUTH_SECRET", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", /AUTH_SECRET has only 1 distinct characters/],
  ])("refuses %s = %j", (name, value, message) => {
    const env = { ...base, NODE_ENV: "production", AUTH_SECRET: strong(), FRACVAL_PSEUDONYM_SECRET: strong(), [name]: value };
    expect(() => readConfig(env)).toThrow(message);
  });
  it("accepts random secrets in production, and anything long enough in development", () => {
    expect(readConfig({ ...base, NODE_ENV: "production", AUTH_SECRET: strong(), FRACVAL_PSEUDONYM_SECRET: strong() }).NODE_ENV).toBe("production");
    expect(readConfig({ ...base, AUTH_SECRET: "CHANGE-ME-32-bytes-of-randomness", FRACVAL_PSEUDONYM_SECRET: "dev-pseudonym-secret" }).NODE_ENV).toBe("development");
  });
});
