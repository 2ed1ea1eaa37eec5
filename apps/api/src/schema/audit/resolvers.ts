import { listAuditEvents, type AuditFilter } from "@fracval/core";
import type { AuditEvent } from "@fracval/db";
import type { Resolvers } from "../types.js";

/** GraphQL's audit filter arguments as the service takes them. */
export function auditFilterOf(args: {
  siteId?: string | null;
  userId?: string | null;
  action?: string | null;
  patientScope?: boolean | null;
  patientId?: string | null;
  from?: Date | string | null;
  to?: Date | string | null;
}): AuditFilter {
  return {
    ...(args.siteId ? { siteId: args.siteId } : {}),
    ...(args.userId ? { userId: args.userId } : {}),
    ...(args.action ? { action: args.action } : {}),
    ...(args.patientScope ? { patientScope: true } : {}),
    ...(args.patientId ? { patientId: args.patientId } : {}),
    ...(args.from ? { from: new Date(args.from) } : {}),
    ...(args.to ? { to: new Date(args.to) } : {}),
  };
}

export const resolvers: Resolvers = {
  Query: {
    auditEvents: (_, args, { db }) =>
      listAuditEvents(db, { ...auditFilterOf(args), first: args.first ?? null, after: args.after ?? null }),
  },
  AuditEvent: {
    actor: (e: AuditEvent, _, { db }) => (e.actorUserId ? db.user.findUnique({ where: { id: e.actorUserId } }) : null),
    apiKey: (e: AuditEvent, _, { db }) => (e.apiKeyId ? db.apiKey.findUnique({ where: { id: e.apiKeyId } }) : null),
    site: (e: AuditEvent, _, { db }) => (e.siteId ? db.site.findUnique({ where: { id: e.siteId } }) : null),
    patientCount: (e: AuditEvent) => e.patientIds.length,
  },
};
