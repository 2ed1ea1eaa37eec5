// Sign-in against guessing: failed attempts are limited per account (and per client address), an unknown
// e-mail answers after the same work as a known one, weaker hashes are upgraded, every attempt is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD_PARAMS, SIGN_IN_LIMITS } from "@fracval/core";
import { TEST_AUTH_SECRET } from "@fracval/testing";
import {
  CLIENT_ADDRESS_HEADER,
  CLIENT_PROOF_HEADER,
  clientAddress,
  clientAddressProof,
} from "../../apps/api/src/client-address.js";
import { securityFixture, type SecurityFixture } from "./support.js";

let f: SecurityFixture;
beforeAll(async () => {
  f = await securityFixture();
}, 60_000);
afterAll(async () => f?.stop());

const signIn = (email: string, password: string) =>
  f.api.gql<{ verifyCredentials: { role: string } }>(
    "mutation($e: String!, $p: String!) { verifyCredentials(email: $e, password: $p) { role } }",
    { e: email, p: password },
  );

describe("verifyCredentials", () => {
  it(`locks an account after ${SIGN_IN_LIMITS.account.points} failures — even the right password then — with retryAfter; audited`, async () => {
    const email = "investigator.boramae@fracval.demo";
    const failuresBefore = await f.t.db.auditEvent.count({ where: { action: "auth.signin.failure" } });
    for (let k = 0; k < SIGN_IN_LIMITS.account.points; k++)
      expect((await signIn(email, `guess-${k}`)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const locked = await signIn(email, "fracval-demo");
    expect(locked.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfter: expect.any(Number) });
    expect(locked.errors![0]!.extensions!.retryAfter as number).toBeGreaterThan(60);
    expect(await f.t.db.auditEvent.count({ where: { action: "auth.signin.failure" } })).toBe(
      failuresBefore + SIGN_IN_LIMITS.account.points,
    );
    const stored = await f.t.db.auditEvent.findFirstOrThrow({
      where: { action: "auth.signin.failure" },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.stringify(stored)).not.toContain(email); // the e-mail only as a hash
    expect(JSON.stringify(await f.t.db.rateLimiterFlexible.findMany())).not.toContain(email);
    // Another account is not affected.
    expect((await signIn("investigator.severance@fracval.demo", "fracval-demo")).data).toEqual({
      verifyCredentials: { role: "INVESTIGATOR" },
    });
  }, 60_000);

  it(`counts the portal's visitors apart: ${SIGN_IN_LIMITS.client.points} failures from one visitor do not lock out the others`, async () => {
    // Every sign-in through the portal reaches the API from the portal's address: counted per connection, 50
    // failures by anyone locked every visitor out. The portal passes on its visitor's address with a proof.
    const throughPortal = async (visitor: string, email: string, password: string) => {
      const response = await fetch(`${f.api.url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [CLIENT_ADDRESS_HEADER]: visitor,
          [CLIENT_PROOF_HEADER]: clientAddressProof(TEST_AUTH_SECRET, visitor),
        },
        body: JSON.stringify({
          query: "mutation($e: String!, $p: String!) { verifyCredentials(email: $e, password: $p) { role } }",
          variables: { e: email, p: password },
        }),
      });
      return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    };
    for (let k = 0; k < SIGN_IN_LIMITS.client.points; k++)
      expect(
        (await throughPortal("203.0.113.7", `nobody-${k}@fracval.demo`, "guess")).errors?.[0]?.extensions?.code,
      ).toBe("UNAUTHENTICATED");
    const blocked = await throughPortal("203.0.113.7", "pi@fracval.demo", "fracval-demo");
    expect(blocked.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(await throughPortal("198.51.100.23", "pi@fracval.demo", "fracval-demo")).toEqual({
      data: { verifyCredentials: { role: "PI" } },
    });
    expect((await signIn("pi@fracval.demo", "fracval-demo")).data).toEqual({ verifyCredentials: { role: "PI" } });
  }, 120_000);

  it("takes a visitor's address only with the portal's proof: a made-up one counts against the connection", () => {
    const proof = clientAddressProof(TEST_AUTH_SECRET, "203.0.113.7");
    const headers = (address: string, p: string) => ({ [CLIENT_ADDRESS_HEADER]: address, [CLIENT_PROOF_HEADER]: p });
    expect(clientAddress(headers("203.0.113.7", proof), TEST_AUTH_SECRET, "10.0.0.2")).toBe(
      "portal visitor 203.0.113.7",
    );
    expect(clientAddress(headers("203.0.113.8", proof), TEST_AUTH_SECRET, "10.0.0.2")).toBe("10.0.0.2");
    expect(clientAddress(headers("203.0.113.7", proof.replace(/^./, "0")), "another secret", "10.0.0.2")).toBe(
      "10.0.0.2",
    );
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "203.0.113.7" }, TEST_AUTH_SECRET, "10.0.0.2")).toBe("10.0.0.2");
  });

  it("aliases cannot multiply guesses inside one request", async () => {
    const aliases = Array.from(
      { length: 40 },
      (_, k) => `g${k}: verifyCredentials(email: "pi@fracval.demo", password: "guess${k}") { role }`,
    ).join(" ");
    const res = await f.api.gql(`mutation { ${aliases} }`);
    expect(res.data).toBeNull();
    expect(
      await f.t.db.auditEvent.count({
        where: { action: "auth.signin.failure", details: { path: ["known"], equals: true } },
      }),
    ).toBeLessThan(40);
  });

  it("an unknown e-mail takes about as long as a wrong password for a real one (no account enumeration)", async () => {
    const time = async (email: string) => {
      const start = performance.now();
      const res = await signIn(email, "not-the-password");
      expect(res.errors?.[0]?.message).toBe("E-mail or password is wrong.");
      return performance.now() - start;
    };
    await time("nobody-warmup@fracval.demo"); // the decoy hash is made once
    const known = [await time("admin@fracval.demo"), await time("admin@fracval.demo")];
    const unknown = [await time("nobody-1@fracval.demo"), await time("nobody-2@fracval.demo")];
    const ratio = Math.min(...unknown) / Math.min(...known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  }, 60_000);

  it("re-hashes a password stored with weaker scrypt parameters at the next sign-in, and records the success", async () => {
    const user = await f.t.db.user.findUniqueOrThrow({ where: { email: "investigator.bundang@fracval.demo" } });
    // A hash made with N = 16384, as the platform stored them before.
    const { scryptSync, randomBytes } = await import("node:crypto");
    const salt = randomBytes(16);
    const old = [
      "scrypt",
      16384,
      8,
      1,
      salt.toString("base64"),
      scryptSync("fracval-demo", salt, 32, { N: 16384, r: 8, p: 1 }).toString("base64"),
    ].join("$");
    await f.t.db.user.update({ where: { id: user.id }, data: { passwordHash: old } });
    expect((await signIn(user.email, "fracval-demo")).data).toEqual({ verifyCredentials: { role: "INVESTIGATOR" } });
    const after = await f.t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash!.startsWith(`scrypt$${PASSWORD_PARAMS.N}$8$1$`)).toBe(true);
    expect(
      await f.t.db.auditEvent.count({ where: { action: "auth.signin.success", actorUserId: user.id } }),
    ).toBeGreaterThan(0);
  }, 60_000);
});
