import { createApiKey, listApiKeys, requireViewer, revokeApiKey, type CreateApiKeyOptions } from "@fracval/core";
import type { ApiKey } from "@fracval/db";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    apiKeys: (_, { siteId }: { siteId: string }, { db, viewer }) => listApiKeys(db, requireViewer(viewer), siteId),
  },
  Mutation: {
    createApiKey: (_, { input }: { input: CreateApiKeyOptions }, { db, viewer }) => createApiKey(db, requireViewer(viewer), input),
    revokeApiKey: (_, { id }: { id: string }, { db, viewer }) => revokeApiKey(db, requireViewer(viewer), id),
  },
  ApiKey: {
    site: (k: ApiKey, _, { db }) => db.site.findUniqueOrThrow({ where: { id: k.siteId } }),
  },
};
