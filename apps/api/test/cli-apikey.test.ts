// `npx fracval apikey create` against a real database: prints a working key once; bad input exits 2.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey } from "@fracval/core";
import type { TestDatabase } from "@fracval/testing";
import { cliAgainstTestDatabase, type CliAgainstDatabase } from "./support/cli.js";

let t: TestDatabase;
let fracval: CliAgainstDatabase["fracval"];

beforeAll(async () => {
  ({ t, fracval } = await cliAgainstTestDatabase());
});
afterAll(() => t.drop());

describe("fracval apikey create", () => {
  it("creates a key with the given scopes and expiry and prints only the key on stdout", async () => {
    const result = fracval(
      "apikey",
      "create",
      "--site",
      "boramae",
      "--scopes",
      "datasets:write,runs:read",
      "--expires-days",
      "30",
    );
    expect(result.status).toBe(0);
    const key = result.stdout.trim();
    expect(key).toMatch(/^fv_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(result.stderr).toMatch(
      /Created fv_[a-z0-9]{8} for Boramae \(DATASETS_WRITE, RUNS_READ\), expires \d{4}-\d{2}-\d{2}/,
    );
    const viewer = await authenticateApiKey(t.db, key);
    const site = await t.db.site.findFirstOrThrow({ where: { code: "Boramae" } });
    expect(viewer.siteId).toBe(site.id);
    expect([...viewer.scopes].sort()).toEqual(["DATASETS_WRITE", "RUNS_READ"]);
    const stored = await t.db.apiKey.findUniqueOrThrow({ where: { id: viewer.apiKeyId } });
    expect(Math.round((stored.expiresAt!.getTime() - stored.createdAt.getTime()) / 86_400_000)).toBe(30);
  });

  it.each([
    [["--site", "Nowhere", "--scopes", "datasets:read"], /--site: no site named "Nowhere"/],
    [["--site", "Boramae", "--scopes", "datasets:read,teleport"], /--scopes: unknown scope "TELEPORT"/],
    [
      ["--site", "Boramae", "--scopes", "datasets:read", "--expires-days", "soon"],
      /--expires-days: "soon" is not a whole number/,
    ],
    [["--scopes", "datasets:read"], /required option '--site <name>'/],
  ])("exits 2 naming the bad option: %j", async (args, message) => {
    const before = await t.db.apiKey.count();
    const result = fracval("apikey", "create", ...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
    expect(await t.db.apiKey.count()).toBe(before);
  });
});
