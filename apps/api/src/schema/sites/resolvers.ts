import { listSites, notFound, PAGE_LIMITS, paginate, type PageArgs } from "@fracval/core";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    sites: async (_, page: PageArgs, { db }) => paginate(await listSites(db), page, PAGE_LIMITS.sites),
    site: async (_, { id }: { id: string }, { db }) =>
      (await db.site.findUnique({ where: { id } })) ?? Promise.reject(notFound("Site", id)),
  },
};
