// Sign-out ends a session on the API, not only in the browser: a token issued before it stops working at
// once (the user's session version moved on). API keys have no session to end.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "@auth/core/jwt";
import { createApiKey } from "@fracval/core";
import { TEST_AUTH_SECRET } from "@fracval/testing";
import { securityFixture, type SecurityFixture } from "./support.js";

let f: SecurityFixture;
beforeAll(async () => {
  f = await securityFixture();
}, 60_000);
afterAll(async () => f?.stop());

describe("sessions", () => {
  it("endSession makes every token of the user UNAUTHENTICATED from the next request on; a new one (new version) works", async () => {
    const user = await f.t.db.user.findUniqueOrThrow({ where: { email: "pi@fracval.demo" } });
    const tokenFor = (sv: number) =>
      encode({
        token: { sub: user.id, email: user.email, name: user.name, role: user.role, sv },
        secret: TEST_AUTH_SECRET,
        salt: "authjs.session-token",
      });
    const laptop = await tokenFor(0);
    const phone = await tokenFor(0);
    expect((await f.api.gql("{ me { role sessionVersion } }", {}, laptop)).data).toEqual({
      me: { role: "PI", sessionVersion: 0 },
    });
    expect((await f.api.gql("mutation { endSession }", {}, laptop)).data).toEqual({ endSession: true });
    for (const token of [laptop, phone]) {
      const res = await f.api.gql("{ me { role } }", {}, token);
      expect(res.errors?.[0]).toMatchObject({
        extensions: { code: "UNAUTHENTICATED" },
        message: expect.stringMatching(/session has ended/),
      });
    }
    expect((await f.api.gql("{ me { role } }", {}, await tokenFor(1))).data).toEqual({ me: { role: "PI" } });
    expect(await f.t.db.auditEvent.count({ where: { action: "auth.signout", actorUserId: user.id } })).toBe(1);
  });

  it("an API key cannot end a session (it has none)", async () => {
    const key = (
      await createApiKey(f.t.db, null, { siteId: await f.siteId("Boramae"), name: "k", scopes: ["METRICS_READ"] })
    ).key;
    expect((await f.api.gql("mutation { endSession }", {}, key)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
