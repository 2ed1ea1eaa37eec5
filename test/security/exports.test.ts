// Exports: every cell a spreadsheet would run as a formula is defused; exports are audited as exports;
// the site joins predictions back to its own manifest by row number, never by a stored hospital ID.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvCell } from "../../apps/api/src/exports.js";
import { securityFixture, type SecurityFixture } from "./support.js";

let f: SecurityFixture;
let runId: string;
beforeAll(async () => {
  f = await securityFixture();
  const run = await f.runAt("Severance", "SUCCEEDED");
  runId = run.runId;
  const patients = await f.t.db.patient.findMany({
    where: { datasetId: run.datasetId },
    orderBy: { pseudonym: "asc" },
    take: 3,
  });
  await f.t.db.patient.updateMany({ where: { id: patients[0]!.id }, data: { manifestRow: 2 } });
  await f.t.db.patient.updateMany({ where: { id: patients[1]!.id }, data: { manifestRow: 1 } });
  await f.t.db.prediction.createMany({
    data: [
      { runId, patientId: patients[0]!.id, score: -0.53 },
      { runId, patientId: patients[1]!.id, score: 1.25 },
      { runId, patientId: patients[2]!.id, score: null, failureReason: '=HYPERLINK("http://evil.example","x")' },
    ],
  });
}, 60_000);
afterAll(async () => f?.stop());

describe("CSV cells that start like a formula", () => {
  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+cmd", "'+cmd"],
    ["-2+3", "'-2+3"],
    ["@foo", "'@foo"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["-0.53", "-0.53"],
    ["1e-5", "1e-5"],
    ["plain", "plain"],
  ])("%j is written as %j", (raw, written) => expect(csvCell(raw)).toBe(written));
});

describe("the predictions export", () => {
  it("is in manifest order with the manifest row, defuses formulas, keeps negative numbers, and is audited as an export", async () => {
    const reads = await f.t.db.auditEvent.count({ where: { action: "predictions.read" } });
    const exports = await f.t.db.auditEvent.count({ where: { action: "predictions.export" } });
    const res = await fetch(`${f.api.url}/exports/runs/${runId}/predictions.csv`, {
      headers: { authorization: `Bearer ${f.token.severance}` },
    });
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split("\n");
    expect(lines[0]).toBe("manifest_row,pseudonym,score,failure_reason");
    expect(lines[1]).toMatch(/^1,P[0-9a-f]{24},1.25,$/);
    expect(lines[2]).toMatch(/^2,P[0-9a-f]{24},-0.53,$/);
    expect(lines[3]).toMatch(/^,P[0-9a-f]{24},,"'=HYPERLINK\(""http:\/\/evil.example"",""x""\)"$/);
    expect(await f.t.db.auditEvent.count({ where: { action: "predictions.export" } })).toBe(exports + 1);
    expect(await f.t.db.auditEvent.count({ where: { action: "predictions.read" } })).toBe(reads);
  });

  it("metrics exports are audited as exports too", async () => {
    const before = await f.t.db.auditEvent.count({ where: { action: "metrics.export" } });
    expect(
      (
        await fetch(`${f.api.url}/exports/runs/${runId}/metrics.csv`, {
          headers: { authorization: `Bearer ${f.token.pi}` },
        })
      ).status,
    ).toBe(200);
    expect(await f.t.db.auditEvent.count({ where: { action: "metrics.export" } })).toBe(before + 1);
  });
});
