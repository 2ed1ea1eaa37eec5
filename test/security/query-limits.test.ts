// GraphQL cost limits: cyclic nesting, alias floods, token floods and oversized anonymous bodies are
// refused before execution, cheaply, with a code; the API stays up; introspection is off in production.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BODY_LIMITS, QUERY_LIMITS } from "../../apps/api/src/app.js";
import { securityFixture, type SecurityFixture } from "./support.js";

let f: SecurityFixture;
beforeAll(async () => {
  f = await securityFixture();
}, 60_000);
afterAll(async () => f?.stop());

const post = (body: string, token?: string) =>
  fetch(`${f.api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });

describe("query limits", () => {
  it("cyclic nesting 1,000 deep is refused before execution, and the API keeps answering", async () => {
    let q = "id";
    for (let k = 0; k < 1000; k++) q = k % 2 ? `datasets { ${q} }` : `study { ${q} }`;
    const started = performance.now();
    const res = await f.api.gql(`{ studies { ${q} } }`, {}, f.token.pi);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.message).toMatch(/depth|token|cost/i);
    expect((await f.api.gql("{ ping }")).data).toEqual({ ping: "pong" });
  });

  it(`more than ${QUERY_LIMITS.maxDepth} levels deep is refused`, async () => {
    let q = "id";
    for (let k = 0; k < 14; k++) q = k % 2 ? `datasets { ${q} }` : `study { ${q} }`;
    const res = await f.api.gql(`{ studies { ${q} } }`, {}, f.token.pi);
    expect(res.errors?.[0]?.message).toMatch(/depth/i);
  });

  it("20,000 repeated fields without credentials are refused, and so are 1,000 aliases with them", async () => {
    // 20,000 fields (100 kB) without credentials: over the anonymous body limit.
    expect((await post(JSON.stringify({ query: `{ ${"ping ".repeat(20_000)} }` }))).status).toBe(413);
    // 6,000 fields (30 kB): under it, but over the token limit.
    const flood = await f.api.gql(`{ ${"ping ".repeat(6_000)} }`);
    expect(flood.data).toBeNull();
    expect(flood.errors?.[0]?.message).toMatch(/token/i);
    const aliases = Array.from({ length: 1000 }, (_, k) => `a${k}: sites { id }`).join(" ");
    const res = await f.api.gql(`{ ${aliases} }`, {}, f.token.pi);
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.message).toMatch(/alias|token|cost/i);
  });

  it(`an anonymous body above ${BODY_LIMITS.anonymous} is refused with 413; introspection is off`, async () => {
    const big = JSON.stringify({ query: "{ ping }", variables: { pad: "x".repeat(200_000) } });
    const anonymous = await post(big);
    expect(anonymous.status).toBe(413);
    expect(await anonymous.json()).toMatchObject({ code: "BAD_USER_INPUT" });
    expect((await post(big, f.token.pi)).status).toBe(200); // signed in: room for a model upload
    const introspection = await f.api.gql("{ __schema { types { name } } }", {}, f.token.pi);
    expect(introspection.data).toBeNull();
  });

  it("an ordinary dashboard query passes", async () => {
    const res = await f.api.gql(
      "{ studies { id title datasets { id site { code } runs { id status } } } sites { id code } }",
      {},
      f.token.pi,
    );
    expect(res.errors).toBeUndefined();
  });
});
