import {
  changeOwnPassword,
  endSessions,
  grantSiteAccess,
  requireViewer,
  revokeSiteAccess,
  type GrantSiteAccessOptions,
  type Viewer,
} from "@fracval/core";
import { withoutNulls } from "../../graphql/inputs.js";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    me: (_, __, { viewer }) => requireViewer(viewer),
  },
  Mutation: {
    grantSiteAccess: (_, { input }, { db, viewer }) =>
      grantSiteAccess(db, requireViewer(viewer), withoutNulls(input) as GrantSiteAccessOptions),
    endSession: (_, __, { db, viewer }) => endSessions(db, requireViewer(viewer)),
    changePassword: (_, { currentPassword, newPassword }, { db, viewer }) =>
      changeOwnPassword(db, requireViewer(viewer), currentPassword, newPassword),
    revokeSiteAccess: (_, { userId, siteId }, { db, viewer }) =>
      revokeSiteAccess(db, requireViewer(viewer), userId, siteId),
  },
  Viewer: {
    id: (v: Viewer) => v.userId,
    kind: (v: Viewer) => (v.kind === "user" ? "USER" : "API_KEY"),
    email: (v: Viewer) => (v.kind === "user" ? v.email : null),
    name: async (v: Viewer, _, { db }) => {
      if (v.kind === "user") return v.name;
      const key = await db.apiKey.findUniqueOrThrow({ where: { id: v.apiKeyId } });
      return `${key.name} (${key.prefix})`;
    },
    sites: (v: Viewer) => [...v.sites.values()],
    apiKeyScopes: (v: Viewer) => (v.kind === "apiKey" ? [...v.scopes] : null),
    sessionVersion: (v: Viewer) => (v.kind === "user" ? v.sessionVersion : null),
  },
  SiteMembership: {
    site: (m: { siteId: string }, _, { db }) => db.site.findUniqueOrThrow({ where: { id: m.siteId } }),
    expiresAt: (m: { expiresAt?: Date | null }) => m.expiresAt ?? null,
  },
};
