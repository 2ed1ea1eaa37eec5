import { listSites, notFound, PAGE_LIMITS, paginate } from "@fracval/core";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    sites: async (_, page, { db }) => paginate(await listSites(db), page, PAGE_LIMITS.sites),
    site: async (_, { id }, { db }) =>
      (await db.site.findUnique({ where: { id } })) ?? Promise.reject(notFound("Site", id)),
  },
};
