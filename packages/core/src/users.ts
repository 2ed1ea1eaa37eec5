// Users and sign-in.
import type { Db } from "@fracval/db";
import type { UserViewer } from "./viewer.js";

/** Loads a user with their site grants; null when missing or disabled. */
export async function loadUserViewer(db: Db, userId: string): Promise<UserViewer | null> {
  const user = await db.user.findUnique({ where: { id: userId }, include: { siteAccess: true } });
  if (!user || user.disabledAt || user.role === "PARTNER") return null;
  return {
    kind: "user",
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sites: new Map(user.siteAccess.map((a) => [a.siteId, { siteId: a.siteId, patientData: a.patientData }])),
  };
}
