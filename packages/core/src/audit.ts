// Writes the audit trail. Every patient-level read or export calls recordAudit before returning data.
import { AsyncLocalStorage } from "node:async_hooks";
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

/** What one request (an API call) has recorded in the audit trail so far. */
export interface AuditScope {
  recorded: number;
}
const auditScopes = new AsyncLocalStorage<AuditScope>();

/**
 * Runs `work` (and everything it starts) in a scope that counts its audit events: the API tells the portal
 * that an answer was audited, and the portal never serves a page that recorded one from its cache.
 */
export function withAuditScope<T>(scope: AuditScope, work: () => T): T {
  return auditScopes.run(scope, work);
}

/** The scope the caller runs in (withAuditScope), if any. */
export function currentAuditScope(): AuditScope | undefined {
  return auditScopes.getStore();
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
  const scope = auditScopes.getStore();
  if (scope) scope.recorded++;
}

export interface AuditFilter {
  siteId?: string;
  /** The user who acted (directly, or through one of the keys they own as principal). */
  userId?: string;
  /** An action ("run.release") or a family of them ending in a dot ("run."). */
  action?: string;
  /** Only events that touched patient-level rows. */
  patientScope?: boolean;
  /** Only events that touched this patient. */
  patientId?: string;
  from?: Date;
  to?: Date;
}

/** Audit filter arguments as GraphQL and the CSV export receive them (absent = null), as the service takes them. */
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

export function auditWhere(filter: AuditFilter): Prisma.AuditEventWhereInput {
  return {
    ...(filter.siteId ? { siteId: filter.siteId } : {}),
    ...(filter.userId ? { actorUserId: filter.userId } : {}),
    ...(filter.action
      ? filter.action.endsWith(".")
        ? { action: { startsWith: filter.action } }
        : { action: filter.action }
      : {}),
    ...(filter.patientScope ? { NOT: { patientIds: { isEmpty: true } } } : {}),
    ...(filter.patientId ? { patientIds: { has: filter.patientId } } : {}),
    ...(filter.from || filter.to
      ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
      : {}),
  };
}

/** Newest first, a page at a time (the trail grows without bound, so it is paged in the database). */
export function listAuditEvents(db: Db, filter: AuditFilter & PageArgs) {
  const { first, after } = pageSize(filter, PAGE_LIMITS.auditEvents);
  return db.auditEvent.findMany({
    where: auditWhere(filter),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: first,
    ...(after ? { cursor: { id: after }, skip: 1 } : {}),
  });
}
