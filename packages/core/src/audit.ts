// Writes the audit trail. Every patient-level read or export calls recordAudit before returning data.
import type { Db, Prisma } from "@fracval/db";
import type { Viewer } from "./viewer.js";

export interface AuditEntry {
  action: string;
  siteId?: string | null;
  patientIds?: string[];
  resource?: string;
  details?: Prisma.InputJsonValue;
}

export async function recordAudit(db: Db | Prisma.TransactionClient, viewer: Viewer | null, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorUserId: viewer?.userId ?? null,
      apiKeyId: viewer?.kind === "apiKey" ? viewer.apiKeyId : null,
      action: entry.action,
      siteId: entry.siteId ?? null,
      patientIds: entry.patientIds ?? [],
      resource: entry.resource ?? null,
      ...(entry.details === undefined ? {} : { details: entry.details }),
    },
  });
}

export function listAuditEvents(db: Db, filter: { siteId?: string; first: number }) {
  return db.auditEvent.findMany({ where: filter.siteId ? { siteId: filter.siteId } : {}, orderBy: { createdAt: "desc" }, take: filter.first });
}
