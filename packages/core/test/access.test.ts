// The access rules as pure functions: every role's reach, without a database.
import { describe, expect, it } from "vitest";
import {
  aggregateSiteIds,
  assertCanManageApiKeys,
  canReadPatientData,
  canReleaseResults,
  canSeeRunResults,
  patientDataSiteIds,
  requireRoleAndScopes,
} from "../src/access.js";
import type { ApiKeyViewer, UserViewer } from "../src/viewer.js";

const user = (role: UserViewer["role"], grants: [string, boolean, lead?: boolean][]): UserViewer => ({
  kind: "user",
  sessionVersion: 0,
  userId: `u-${role}`,
  email: "x@y",
  name: "x",
  role,
  sites: new Map(grants.map(([siteId, patientData, lead = false]) => [siteId, { siteId, patientData, lead }])),
});
const key = (scopes: ApiKeyViewer["scopes"] extends ReadonlySet<infer S> ? S[] : never): ApiKeyViewer => ({
  kind: "apiKey",
  apiKeyId: "k",
  userId: "partner",
  role: "PARTNER",
  siteId: "boramae",
  scopes: new Set(scopes),
  sites: new Map([["boramae", { siteId: "boramae", patientData: true, lead: false }]]),
});

describe("access rules", () => {
  it("patient data: investigators their sites, a PI only where granted, an ADMIN nowhere by default", () => {
    expect(patientDataSiteIds(user("INVESTIGATOR", [["boramae", true]]))).toEqual(["boramae"]);
    expect(
      patientDataSiteIds(
        user("PI", [
          ["bundang", true],
          ["severance", false],
        ]),
      ),
    ).toEqual(["bundang"]);
    expect(patientDataSiteIds(user("ADMIN", []))).toEqual([]);
  });

  it("an API key reads patient data of its own site only, and only with PATIENTS_READ", () => {
    expect(canReadPatientData(key(["PATIENTS_READ"]), "boramae")).toBe(true);
    expect(canReadPatientData(key(["PATIENTS_READ"]), "severance")).toBe(false);
    expect(canReadPatientData(key(["DATASETS_READ"]), "boramae")).toBe(false);
  });

  it("aggregates: PI and ADMIN everywhere, investigators and keys their own sites", () => {
    expect(aggregateSiteIds(user("PI", []))).toBeNull();
    expect(aggregateSiteIds(user("ADMIN", []))).toBeNull();
    expect(aggregateSiteIds(user("INVESTIGATOR", [["boramae", true]]))).toEqual(["boramae"]);
    expect(aggregateSiteIds(key([]))).toEqual(["boramae"]);
  });

  it("roles and scopes: UNAUTHENTICATED without a viewer, FORBIDDEN with the missing scope named", () => {
    expect(() => requireRoleAndScopes(null, null, [])).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
    expect(() => requireRoleAndScopes(user("INVESTIGATOR", []), ["ADMIN", "PI"], [])).toThrow(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
    expect(() => requireRoleAndScopes(key(["DATASETS_READ"]), null, ["PATIENTS_READ", "RUNS_READ"])).toThrow(
      /PATIENTS_READ, RUNS_READ/,
    );
    expect(requireRoleAndScopes(user("PI", []), null, ["PATIENTS_READ"]).role).toBe("PI"); // users are not scoped
  });

  it("API keys of a site: ADMIN, or a PI who belongs to the site", () => {
    expect(() => assertCanManageApiKeys(user("ADMIN", []), "boramae")).not.toThrow();
    expect(() => assertCanManageApiKeys(user("PI", [["boramae", false]]), "boramae")).not.toThrow();
    expect(() => assertCanManageApiKeys(user("PI", [["bundang", true]]), "boramae")).toThrow(/ADMIN or a PI/);
    expect(() => assertCanManageApiKeys(key(["DATASETS_WRITE"]), "boramae")).toThrow();
  });

  it("release gate: drafts for the site's own members, own key and ADMINs; releases by the lead or an ADMIN", () => {
    const investigator = user("INVESTIGATOR", [["boramae", true]]);
    const lead = user("INVESTIGATOR", [["boramae", true, true]]);
    const piElsewhere = user("PI", [["bundang", true]]);
    const grantedPi = user("PI", [["boramae", false]]); // aggregates only: not the site's own
    for (const state of ["DRAFT", "WITHDRAWN"] as const) {
      expect(canSeeRunResults(investigator, "boramae", state)).toBe(true);
      expect(canSeeRunResults(key(["METRICS_READ"]), "boramae", state)).toBe(true);
      expect(canSeeRunResults(user("ADMIN", []), "boramae", state)).toBe(true);
      expect(canSeeRunResults(piElsewhere, "boramae", state)).toBe(false);
      expect(canSeeRunResults(grantedPi, "boramae", state)).toBe(false);
      expect(canSeeRunResults(investigator, "bundang", state)).toBe(false);
    }
    expect(canSeeRunResults(piElsewhere, "boramae", "RELEASED")).toBe(true);
    expect(canReleaseResults(lead, "boramae")).toBe(true);
    expect(canReleaseResults(lead, "bundang")).toBe(false);
    expect(canReleaseResults(investigator, "boramae")).toBe(false);
    expect(canReleaseResults(user("ADMIN", []), "boramae")).toBe(true);
    expect(canReleaseResults(key(["RUNS_WRITE"]), "boramae")).toBe(false); // a key is nobody's lead
  });
});
