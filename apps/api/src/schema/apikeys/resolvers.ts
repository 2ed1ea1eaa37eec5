import {
  createApiKey,
  listApiKeys,
  PAGE_LIMITS,
  paginate,
  requireViewer,
  revokeApiKey,
  type CreateApiKeyOptions,
  type PageArgs,
} from "@fracval/core";
import type { ApiKey } from "@fracval/db";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    apiKeys: async (_, { siteId, ...page }: { siteId: string } & PageArgs, { db, viewer }) =>
      paginate(await listApiKeys(db, requireViewer(viewer), siteId), page, PAGE_LIMITS.apiKeys),
  },
  Mutation: {
    createApiKey: (_, { input }: { input: CreateApiKeyOptions }, { db, viewer }) =>
      createApiKey(db, requireViewer(viewer), input),
    revokeApiKey: (_, { id }: { id: string }, { db, viewer }) => revokeApiKey(db, requireViewer(viewer), id),
  },
  ApiKey: {
    site: (k: ApiKey, _, { db }) => db.site.findUniqueOrThrow({ where: { id: k.siteId } }),
  },
};
