// Users and sign-in.
import type { Db } from "@fracval/db";
import { recordAudit } from "./audit.js";
import { forbidden } from "./errors.js";
import type { UserViewer, Viewer } from "./viewer.js";

/** Site grants in force now: without an expiry, or expiring later. */
export const activeGrant = (now = new Date()) => ({ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

/** Loads a user with their site grants in force; null when missing or disabled. */
export async function loadUserViewer(db: Db, userId: string): Promise<UserViewer | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: { siteAccess: { where: activeGrant() } },
  });
  if (!user || user.disabledAt || user.role === "PARTNER") return null;
  return {
    kind: "user",
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
    sites: new Map(
      user.siteAccess.map((a) => [a.siteId, { siteId: a.siteId, patientData: a.patientData, lead: a.lead }]),
    ),
  };
}

/**
 * Ends every session of the signed-in user (the portal's sign-out): the session version goes up, and the
 * API refuses tokens issued under the old one from the next request on. Audited.
 */
export async function endSessions(db: Db, viewer: Viewer): Promise<boolean> {
  if (viewer.kind !== "user") throw forbidden("API keys have no session; revoke the key instead.");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: viewer.userId }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit(tx, viewer, { action: "auth.signout" });
  });
  return true;
}
