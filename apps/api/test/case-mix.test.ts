// Table 1 by site through the API: the numbers are caseMixTable's on each site's patients, and a viewer
// without patient-level access to a site sees none of its small counts (nor the one that gives them away).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseMixTable } from "@fracval/stats";
import { createTestDatabase, sessionTokenFor, type TestDatabase } from "@fracval/testing";
import { startTestApi, type TestApi } from "./support/api.js";

let t: TestDatabase;
let api: TestApi;
let studyId: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  api = await startTestApi(t.db);
  for (const u of await t.db.user.findMany()) tokens[u.email] = await sessionTokenFor(u);
  studyId = (await t.db.study.findFirstOrThrow({ where: { slug: "ct-bone-muscle" } })).id;
}, 60_000);

afterAll(async () => {
  await api?.stop();
  await t?.drop();
});

const query = `query($s: ID!) { studyCaseMix(studyId: $s) {
  sites { site { code } patients }
  variables { name kind unit levels p smd groups { n mean sd median counts percents missing withheld } }
} }`;
type CaseMix = {
  sites: { site: { code: string }; patients: number | null }[];
  variables: {
    name: string;
    kind: string;
    levels: string[] | null;
    p: number | null;
    smd: (number | null)[];
    groups: { n: number | null; mean: number | null; counts: (number | null)[] | null; withheld: boolean }[];
  }[];
};
const caseMixFor = async (who: string) => {
  const res = await api.gql<{ studyCaseMix: CaseMix }>(query, { s: studyId }, tokens[who]);
  expect(res.errors).toBeUndefined();
  return res.data!.studyCaseMix;
};

async function sitePatients(code: string) {
  return t.db.patient.findMany({
    where: { dataset: { studyId, site: { code } } },
    include: { baseline: true, outcome: true },
  });
}

describe("studyCaseMix", () => {
  it("an ADMIN sees each site's column: age as caseMixTable gives it, the fracture counts withheld where small", async () => {
    const mix = await caseMixFor("admin@fracval.demo");
    expect(mix.sites.map((s) => s.site.code)).toEqual(["Boramae", "Bundang"]);
    const [boramae, bundang] = [await sitePatients("Boramae"), await sitePatients("Bundang")];
    expect(mix.sites.map((s) => s.patients)).toEqual([boramae.length, bundang.length]);
    const age = mix.variables.find((v) => v.name === "Age")!;
    const [want] = caseMixTable([
      {
        name: "Age",
        kind: "continuous",
        groups: [boramae.map((p) => p.baseline!.ageYears), bundang.map((p) => p.baseline!.ageYears)],
      },
    ]);
    expect(age.p).toBeCloseTo(want!.p!, 12);
    expect(age.smd[0]).toBeCloseTo(want!.smd[0]!, 12);
    expect(age.groups[0]!.mean).toBeCloseTo(want!.kind === "continuous" ? want!.groups[0]!.mean : Number.NaN, 12);
    // The ADMIN has no patient-level access: fewer than 10 fractures at a site are not shown, nor their complement.
    const fractures = mix.variables.find((v) => v.name === "Incident vertebral fracture")!;
    expect(fractures.levels).toEqual(["no", "yes"]);
    const events = boramae.filter((p) => p.outcome!.incidentVertebralFracture).length;
    expect(events).toBeLessThan(10);
    expect(fractures.groups[0]).toMatchObject({ counts: [null, null], withheld: true });
  });

  it("the site's own investigator sees its exact counts", async () => {
    const mix = await caseMixFor("investigator.boramae@fracval.demo");
    expect(mix.sites.map((s) => s.site.code)).toEqual(["Boramae"]);
    const boramae = await sitePatients("Boramae");
    const events = boramae.filter((p) => p.outcome!.incidentVertebralFracture).length;
    const fractures = mix.variables.find((v) => v.name === "Incident vertebral fracture")!;
    expect(fractures.groups[0]).toMatchObject({ counts: [boramae.length - events, events], withheld: false });
    const sex = mix.variables.find((v) => v.name === "Sex")!;
    const women = boramae.filter((p) => p.baseline!.sex === "FEMALE").length;
    expect(sex.groups[0]!.counts).toEqual([women, boramae.length - women]);
  });
});
