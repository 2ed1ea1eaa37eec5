// An id the caller may not see is answered exactly like an id that does not exist: NOT_FOUND, with no
// site name and no hint of where it lives — on GraphQL and on the export routes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityFixture, type SecurityFixture } from "./support.js";

let f: SecurityFixture;
let boramaeRun: string;
let boramaePatient: string;
beforeAll(async () => {
  f = await securityFixture();
  const run = await f.runAt("Boramae", "SUCCEEDED");
  boramaeRun = run.runId;
  boramaePatient = (await f.t.db.patient.findFirstOrThrow({ where: { datasetId: run.datasetId } })).id;
}, 60_000);
afterAll(async () => f?.stop());

const OPERATIONS = [
  [
    "patients",
    "query($id: ID!) { patients(datasetId: $id) { pseudonym } }",
    async () => (await f.datasetOf("Boramae")).id,
  ],
  ["patient", "query($id: ID!) { patient(id: $id) { pseudonym } }", async () => boramaePatient],
  ["predictions", "query($id: ID!) { predictions(runId: $id) { score } }", async () => boramaeRun],
  ["cancelValidationRun", "mutation($id: ID!) { cancelValidationRun(id: $id) { status } }", async () => boramaeRun],
] as const;

describe("another site's ids look like ids that do not exist", () => {
  it.each(OPERATIONS)(
    "%s: a Severance investigator gets the same NOT_FOUND for Boramae's id as for a made-up one",
    async (_name, query, id) => {
      const real = await f.api.gql(query, { id: await id() }, f.token.severance);
      const madeUp = await f.api.gql(query, { id: "c0000000000000000000000000" }, f.token.severance);
      expect(real.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      expect(madeUp.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      expect(real.errors?.[0]?.message.replace(await id(), "ID")).toBe(
        madeUp.errors?.[0]?.message.replace("c0000000000000000000000000", "ID"),
      );
      expect(JSON.stringify(real)).not.toMatch(/Boramae/);
    },
  );

  it("the predictions export answers 404 for another site's run, as for a made-up one", async () => {
    const get = (id: string) =>
      fetch(`${f.api.url}/exports/runs/${id}/predictions.csv`, {
        headers: { authorization: `Bearer ${f.token.severance}` },
      });
    const real = await get(boramaeRun);
    expect(real.status).toBe(404);
    expect(await real.text()).not.toMatch(/Boramae/);
    expect((await get("c0000000000000000000000000")).status).toBe(404);
  });
});
