import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../src/passwords.js";
import { pseudonymise } from "../src/pseudonym.js";

describe("passwords", () => {
  it("verifies the right password and rejects a wrong one; hashes are salted", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/); // OWASP 2025 parameters
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await hashPassword("correct horse battery")).not.toBe(hash);
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
  });

  it("refuses passwords shorter than 8 characters", async () => {
    await expect(hashPassword("short")).rejects.toThrow(/at least 8/);
  });
});

describe("pseudonymise", () => {
  const secret = "0123456789abcdef0123";
  it("is stable within a site, differs across sites and never contains the hospital ID", () => {
    const a = pseudonymise(secret, "site-a", "H-0001");
    expect(pseudonymise(secret, "site-a", "H-0001")).toBe(a);
    expect(pseudonymise(secret, "site-b", "H-0001")).not.toBe(a);
    expect(pseudonymise(secret, "site-a", "H-0002")).not.toBe(a);
    expect(a).toMatch(/^P[0-9a-f]{24}$/);
    expect(a).not.toContain("0001");
  });
  it("refuses a short secret", () => {
    expect(() => pseudonymise("short", "s", "x")).toThrow(/at least 16/);
  });
});
