// `npx fracval user reset-password` against a real database: how the only ADMIN gets back in. Prints a new
// one-time password once; the old password stops working; audited; bad input exits 2 naming the option.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, verifyCredentials } from "@fracval/core";
import type { TestDatabase } from "@fracval/testing";
import { cliAgainstTestDatabase, type CliAgainstDatabase } from "./support/cli.js";

let t: TestDatabase;
let fracval: CliAgainstDatabase["fracval"];

beforeAll(async () => {
  ({ t, fracval } = await cliAgainstTestDatabase());
});
afterAll(() => t.drop());

describe("fracval user reset-password", () => {
  it("gives the ADMIN a new one-time password, printed once; the old one stops working; audited with the reason", async () => {
    const result = fracval(
      "user",
      "reset-password",
      "--email",
      "Admin@FracVal.demo",
      "--reason",
      "the only ADMIN forgot the password",
    );
    expect(result.status, result.stderr).toBe(0);
    const password = result.stdout.trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(result.stderr).toMatch(/^admin@fracval\.demo has a new one-time password \(above, shown only now\)/);
    expect((await verifyCredentials(t.db, "admin@fracval.demo", password)).role).toBe("ADMIN");
    await expect(verifyCredentials(t.db, "admin@fracval.demo", DEMO_PASSWORD)).rejects.toThrow(
      "E-mail or password is wrong.",
    );
    const admin = await t.db.user.findUniqueOrThrow({ where: { email: "admin@fracval.demo" } });
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "user.password.reset", resource: admin.id },
    });
    expect(event).toMatchObject({
      actorUserId: null,
      details: { reason: "the only ADMIN forgot the password", via: "command line" },
    });
    expect(JSON.stringify(event)).not.toContain(password);
  });

  it.each([
    [
      ["--email", "nobody@fracval.demo", "--reason", "testing"],
      /--email: no account with the e-mail "nobody@fracval\.demo"/,
    ],
    [["--email", "pi@fracval.demo", "--reason", " "], /--reason: .*say why/],
    [["--email", "pi@fracval.demo"], /required option '--reason <text>' not specified/],
  ])("exits 2 naming the problem: %j", async (args, message) => {
    const before = await t.db.user.findUniqueOrThrow({ where: { email: "pi@fracval.demo" } });
    const result = fracval("user", "reset-password", ...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
    const after = await t.db.user.findUniqueOrThrow({ where: { email: "pi@fracval.demo" } });
    expect(after.passwordHash).toBe(before.passwordHash); // nothing changed
  });
});
