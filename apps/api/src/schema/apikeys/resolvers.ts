import { createApiKey, listApiKeys, PAGE_LIMITS, paginate, requireViewer, revokeApiKey } from "@fracval/core";
import type { ApiKey } from "@fracval/db";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    apiKeys: async (_, { siteId, ...page }, { db, viewer }) =>
      paginate(await listApiKeys(db, requireViewer(viewer), siteId ?? undefined), page, PAGE_LIMITS.apiKeys),
  },
  Mutation: {
    createApiKey: (_, { input }, { db, viewer }) => createApiKey(db, requireViewer(viewer), input),
    revokeApiKey: (_, { id }, { db, viewer }) => revokeApiKey(db, requireViewer(viewer), id),
  },
  ApiKey: {
    site: (k: ApiKey, _, { db }) => db.site.findUniqueOrThrow({ where: { id: k.siteId } }),
    owner: (k: ApiKey, _, { db }) => (k.createdById ? db.user.findUnique({ where: { id: k.createdById } }) : null),
  },
};
