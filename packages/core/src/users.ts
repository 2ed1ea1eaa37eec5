// Users and sign-in.
import type { Db } from "@fracval/db";
import { verifyPassword } from "./passwords.js";
import { unauthenticated } from "./errors.js";
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

/** Checks an e-mail and password (the portal's sign-in). Same error for unknown user and wrong password. */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<UserViewer> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = user?.passwordHash && !user.disabledAt ? await verifyPassword(password, user.passwordHash) : false;
  const viewer = ok && user ? await loadUserViewer(db, user.id) : null;
  if (!viewer) throw unauthenticated("E-mail or password is wrong.");
  return viewer;
}
