import { badInput, listAuditEvents } from "@fracval/core";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    auditEvents: (_, { siteId, first }: { siteId?: string | null; first: number }, { db }) => {
      if (first < 1 || first > 1000) throw badInput("first", "first must be from 1 to 1000.", first);
      return listAuditEvents(db, { ...(siteId ? { siteId } : {}), first });
    },
  },
};
