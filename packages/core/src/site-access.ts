// Granting and revoking site membership / patient-level access (ADMIN only, audited). A PI reads
// patient-level data of a site only after such a grant.
import type { Db, SiteAccess } from "@fracval/db";
import { z } from "zod";
import { recordAudit } from "./audit.js";
import { badInput, forbidden, notFound } from "./errors.js";
import type { Viewer } from "./viewer.js";

export const GrantSiteAccessOptions = z.object({
  userId: z.string().min(1),
  siteId: z.string().min(1),
  patientData: z.boolean(),
  /** The site's lead: releases its run results to the network. */
  lead: z.boolean().default(false),
  /** When the grant ends by itself (must be in the future); none: until revoked. */
  expiresAt: z.coerce
    .date()
    .refine((d) => d.getTime() > Date.now(), "must be in the future")
    .optional(),
  reason: z.string().trim().min(3, "give the reason for the grant (it is audited)").max(500),
});
export type GrantSiteAccessOptions = z.input<typeof GrantSiteAccessOptions>;

function assertAdmin(viewer: Viewer): void {
  if (viewer.kind !== "user" || viewer.role !== "ADMIN")
    throw forbidden("Only an ADMIN may grant or revoke site access.");
}

export async function grantSiteAccess(db: Db, viewer: Viewer, options: GrantSiteAccessOptions): Promise<SiteAccess> {
  assertAdmin(viewer);
  const input = GrantSiteAccessOptions.parse(options);
  const [user, site] = await Promise.all([
    db.user.findUnique({ where: { id: input.userId } }),
    db.site.findUnique({ where: { id: input.siteId } }),
  ]);
  if (!user) throw notFound("User", input.userId);
  if (!site) throw notFound("Site", input.siteId);
  if (user.role === "PARTNER")
    throw badInput("userId", "Partner service identities get access through API keys, not grants.", input.userId);
  return db.$transaction(async (tx) => {
    const access = await tx.siteAccess.upsert({
      where: { userId_siteId: { userId: user.id, siteId: site.id } },
      update: {
        patientData: input.patientData,
        lead: input.lead,
        expiresAt: input.expiresAt ?? null,
        grantedById: viewer.userId,
        reason: input.reason,
      },
      create: {
        userId: user.id,
        siteId: site.id,
        patientData: input.patientData,
        lead: input.lead,
        expiresAt: input.expiresAt ?? null,
        grantedById: viewer.userId,
        reason: input.reason,
      },
    });
    await recordAudit(tx, viewer, {
      action: "siteaccess.grant",
      siteId: site.id,
      resource: user.id,
      details: {
        patientData: input.patientData,
        lead: input.lead,
        reason: input.reason,
        ...(input.expiresAt ? { expiresAt: input.expiresAt.toISOString() } : {}),
      },
    });
    return access;
  });
}

export async function revokeSiteAccess(db: Db, viewer: Viewer, userId: string, siteId: string): Promise<boolean> {
  assertAdmin(viewer);
  return db.$transaction(async (tx) => {
    const { count } = await tx.siteAccess.deleteMany({ where: { userId, siteId } });
    if (count) await recordAudit(tx, viewer, { action: "siteaccess.revoke", siteId, resource: userId });
    return count > 0;
  });
}
