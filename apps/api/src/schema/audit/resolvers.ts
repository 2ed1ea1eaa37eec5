import { auditFilterOf, listAuditEvents } from "@fracval/core";
import type { AuditEvent } from "@fracval/db";
import type { Resolvers } from "../types.js";

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
