// Writes the audit trail. Every patient-level read or export calls recordAudit before returning data.
import type { Db, Prisma } from "@fracval/db";
import { PAGE_LIMITS, pageSize, type PageArgs } from "./pagination.js";
import type { Viewer } from "./viewer.js";

export interface AuditEntry {
  action: string;
  siteId?: string | null;
  patientIds?: string[];
  resource?: string;
  details?: Prisma.InputJsonValue;
}

export async function recordAudit(
  db: Db | Prisma.TransactionClient,
  viewer: Viewer | null,
  entry: AuditEntry,
): Promise<void> {
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

/** Newest first, a page at a time (the trail grows without bound, so it is paged in the database). */
export function listAuditEvents(db: Db, filter: { siteId?: string } & PageArgs) {
  const { first, after } = pageSize(filter, PAGE_LIMITS.auditEvents);
  return db.auditEvent.findMany({
    where: filter.siteId ? { siteId: filter.siteId } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: first,
    ...(after ? { cursor: { id: after }, skip: 1 } : {}),
  });
}
