// The access rules of FracVal, in one place. Every resolver and service asks these functions;
// nothing else decides who may see what.
//
//   ADMIN         manages users, sites, keys, models; aggregate results everywhere; patient-level only where granted
//   PI            aggregate results of every site; patient-level only where granted (SiteAccess.patientData)
//   INVESTIGATOR  patient-level data of their own sites (SiteAccess.patientData)
//   PARTNER       API key of one site: that site only, and only within the key's scopes
import type { ApiScope, Prisma, ReleaseState, UserRole } from "@fracval/db";
import { type AppError, forbidden, notFound, unauthenticated } from "./errors.js";
import type { SiteGrant, Viewer } from "./viewer.js";

/** The thing a refused request was about: named in NOT_FOUND when the viewer may not even see its site. */
export interface Resource {
  kind: string;
  id: string;
}

/**
 * FORBIDDEN when the viewer may see that the resource exists (its site's aggregates) but not do this;
 * NOT_FOUND otherwise, so that an id tells an outsider neither that it exists nor where.
 */
function refusal(viewer: Viewer, siteId: string, resource: Resource | undefined, message: string): AppError {
  return resource && !canSeeSiteAggregates(viewer, siteId) ? notFound(resource.kind, resource.id) : forbidden(message);
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** Role and scope check used by the @auth directive on every root field. */
export function requireRoleAndScopes(
  viewer: Viewer | null,
  roles: readonly UserRole[] | null,
  scopes: readonly ApiScope[],
): Viewer {
  const v = requireViewer(viewer);
  if (roles && !roles.includes(v.role)) throw forbidden(`This operation is not available to the ${v.role} role.`);
  if (v.kind === "apiKey") {
    const missing = scopes.filter((s) => !v.scopes.has(s));
    if (missing.length)
      throw forbidden(`This API key lacks the scope${missing.length > 1 ? "s" : ""} ${missing.join(", ")}.`);
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

/**
 * Whether a viewer sees a site's small counts (dataset sizes, run progress): with patient-level access, or
 * as the site's own key that uploads or runs there (it sent those patients itself).
 */
export function seesSiteCounts(viewer: Viewer, siteId: string): boolean {
  if (canReadPatientData(viewer, siteId)) return true;
  return (
    viewer.kind === "apiKey" &&
    viewer.siteId === siteId &&
    (viewer.scopes.has("DATASETS_WRITE") || viewer.scopes.has("RUNS_WRITE"))
  );
}

export function assertPatientDataAccess(
  viewer: Viewer,
  siteId: string,
  siteName = "this site",
  resource?: Resource,
): void {
  if (!canReadPatientData(viewer, siteId))
    throw refusal(viewer, siteId, resource, `You have no access to patient-level data of ${siteName}.`);
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

/**
 * Writing (datasets, uploads, runs) is for the site's own members: an INVESTIGATOR or PI who belongs to the
 * site with patient-level access, or the site's partner key. A PI of another site, or an ADMIN, may not.
 */
export function canWriteSite(viewer: Viewer, siteId: string): boolean {
  if (viewer.kind === "apiKey") return viewer.siteId === siteId;
  return (viewer.role === "INVESTIGATOR" || viewer.role === "PI") && viewer.sites.get(siteId)?.patientData === true;
}

export function assertCanActOnSite(viewer: Viewer, siteId: string, siteName = "this site", resource?: Resource): void {
  if (!canWriteSite(viewer, siteId))
    throw refusal(viewer, siteId, resource, `Only members of ${siteName} may change its data.`);
}

const AGGREGATE_SCOPES = ["DATASETS_READ", "RUNS_READ", "METRICS_READ"] as const satisfies readonly ApiScope[];
const PATIENT_SCOPES = ["PATIENTS_READ", "PREDICTIONS_READ"] as const satisfies readonly ApiScope[];
const WRITE_SCOPES = ["DATASETS_WRITE", "RUNS_WRITE"] as const satisfies readonly ApiScope[];

/**
 * The API-key scopes a user holds for a site right now: aggregate reads where they see the site's
 * aggregates, patient-level reads where they hold a patient-data grant, writes where they may act on the
 * site. A key can never carry more than its creator holds (checked at creation and on every request).
 */
export function scopesHeldFor(
  user: { role: UserRole; sites: ReadonlyMap<string, SiteGrant> },
  siteId: string,
): Set<ApiScope> {
  const viewer = { kind: "user", userId: "", email: "", name: "", sessionVersion: 0, ...user } as const;
  const held = new Set<ApiScope>();
  if (canSeeSiteAggregates(viewer, siteId)) for (const s of AGGREGATE_SCOPES) held.add(s);
  if (canReadPatientData(viewer, siteId)) for (const s of PATIENT_SCOPES) held.add(s);
  if (canWriteSite(viewer, siteId)) for (const s of WRITE_SCOPES) held.add(s);
  return held;
}

// The site release gate. A run's results (metrics, flow, predictions, comparisons, exports, reports) are
// DRAFT for its own site until the site's lead (or an ADMIN) releases them; only then do PIs, other sites
// and other sites' keys see them. A withdrawn release hides them again.

/**
 * Sites whose draft (and withdrawn) results the viewer sees (null = every site): an ADMIN everywhere; the
 * site's own members who may act on it (canWriteSite) and the site's own API key.
 */
export function draftResultSiteIds(viewer: Viewer): string[] | null {
  if (viewer.kind === "apiKey") return [viewer.siteId];
  if (viewer.role === "ADMIN") return null;
  return [...viewer.sites.keys()].filter((siteId) => canWriteSite(viewer, siteId));
}

export function canSeeRunResults(viewer: Viewer, siteId: string, releaseState: ReleaseState): boolean {
  if (releaseState === "RELEASED") return true;
  const own = draftResultSiteIds(viewer);
  return own === null || own.includes(siteId);
}

/**
 * The runs whose results the viewer may see, as a Prisma filter on ValidationRun (undefined = all): released
 * ones, and every run of the viewer's own sites.
 */
export function visibleResultsFilter(viewer: Viewer): Prisma.ValidationRunWhereInput | undefined {
  const own = draftResultSiteIds(viewer);
  if (own === null) return undefined;
  return { OR: [{ releaseState: "RELEASED" }, { dataset: { siteId: { in: own } } }] };
}

/** Releasing or withdrawing a site's results: an ADMIN, or a user who is the site's lead. */
export function canReleaseResults(viewer: Viewer, siteId: string): boolean {
  if (viewer.kind !== "user") return false;
  return viewer.role === "ADMIN" || viewer.sites.get(siteId)?.lead === true;
}

/** API keys of a site are managed by ADMINs, or by a PI who belongs to that site. */
export function canManageApiKeys(viewer: Viewer, siteId: string): boolean {
  return viewer.kind === "user" && (viewer.role === "ADMIN" || (viewer.role === "PI" && viewer.sites.has(siteId)));
}

export function assertCanManageApiKeys(viewer: Viewer, siteId: string, siteName = "this site"): void {
  if (!canManageApiKeys(viewer, siteId))
    throw forbidden(`Only an ADMIN or a PI of ${siteName} may manage its API keys.`);
}
