// The access rules of FracVal, in one place. Every resolver and service asks these functions;
// nothing else decides who may see what.
//
//   ADMIN         manages users, sites, keys, models; aggregate results everywhere; patient-level only where granted
//   PI            aggregate results of every site; patient-level only where granted (SiteAccess.patientData)
//   INVESTIGATOR  patient-level data of their own sites (SiteAccess.patientData)
//   PARTNER       API key of one site: that site only, and only within the key's scopes
import type { ApiScope, UserRole } from "@fracval/db";
import { forbidden, unauthenticated } from "./errors.js";
import type { Viewer } from "./viewer.js";

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** Role and scope check used by the @auth directive on every root field. */
export function requireRoleAndScopes(viewer: Viewer | null, roles: readonly UserRole[] | null, scopes: readonly ApiScope[]): Viewer {
  const v = requireViewer(viewer);
  if (roles && !roles.includes(v.role)) throw forbidden(`This operation is not available to the ${v.role} role.`);
  if (v.kind === "apiKey") {
    const missing = scopes.filter((s) => !v.scopes.has(s));
    if (missing.length) throw forbidden(`This API key lacks the scope${missing.length > 1 ? "s" : ""} ${missing.join(", ")}.`);
  }
  return v;
}

/** Sites whose patient-level rows this viewer may read. */
export function patientDataSiteIds(viewer: Viewer): string[] {
  if (viewer.kind === "apiKey") return viewer.scopes.has("PATIENTS_READ") ? [viewer.siteId] : [];
  return [...viewer.sites.values()].filter((g) => g.patientData).map((g) => g.siteId);
}

export function canReadPatientData(viewer: Viewer, siteId: string): boolean {
  return patientDataSiteIds(viewer).includes(siteId);
}

export function assertPatientDataAccess(viewer: Viewer, siteId: string, siteName = "this site"): void {
  if (!canReadPatientData(viewer, siteId)) throw forbidden(`You have no access to patient-level data of ${siteName}.`);
}

/** Sites whose aggregate results and dataset summaries the viewer may see (null = every site). */
export function aggregateSiteIds(viewer: Viewer): string[] | null {
  if (viewer.kind === "apiKey") return [viewer.siteId];
  if (viewer.role === "ADMIN" || viewer.role === "PI") return null;
  return [...viewer.sites.keys()];
}

export function canSeeSiteAggregates(viewer: Viewer, siteId: string): boolean {
  const ids = aggregateSiteIds(viewer);
  return ids === null || ids.includes(siteId);
}

/** Upload and run creation act on a site's data: investigators of the site, the site's partner key, PIs. */
export function assertCanActOnSite(viewer: Viewer, siteId: string, siteName = "this site"): void {
  if (viewer.role === "PI") return;
  if (viewer.kind === "apiKey" ? viewer.siteId === siteId : viewer.role === "INVESTIGATOR" && viewer.sites.get(siteId)?.patientData) return;
  throw forbidden(`You cannot act on data of ${siteName}.`);
}

/** API keys of a site are managed by ADMINs, or by a PI who belongs to that site. */
export function assertCanManageApiKeys(viewer: Viewer, siteId: string, siteName = "this site"): void {
  if (viewer.kind === "user" && viewer.role === "ADMIN") return;
  if (viewer.kind === "user" && viewer.role === "PI" && viewer.sites.has(siteId)) return;
  throw forbidden(`Only an ADMIN or a PI of ${siteName} may manage its API keys.`);
}
