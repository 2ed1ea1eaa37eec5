import { listAuditEvents } from "@fracval/core";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    auditEvents: (_, { siteId, ...page }, { db }) => listAuditEvents(db, { ...(siteId ? { siteId } : {}), ...page }),
  },
};
