import { listAuditEvents, type PageArgs } from "@fracval/core";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    auditEvents: (_, { siteId, ...page }: { siteId?: string | null } & PageArgs, { db }) =>
      listAuditEvents(db, { ...(siteId ? { siteId } : {}), ...page }),
  },
};
