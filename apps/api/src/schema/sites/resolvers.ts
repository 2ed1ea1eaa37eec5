import { listSites, notFound } from "@fracval/core";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    sites: (_, __, { db }) => listSites(db),
    site: async (_, { id }: { id: string }, { db }) => (await db.site.findUnique({ where: { id } })) ?? Promise.reject(notFound("Site", id)),
  },
};
