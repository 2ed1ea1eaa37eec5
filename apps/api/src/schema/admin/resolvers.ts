import {
  createUser,
  deactivateUser,
  listUsers,
  onboardSite,
  requireViewer,
  resetUserPassword,
  setUserRole,
  type CreateUserOptions,
  type OnboardSiteOptions,
  type UserWithAccess,
} from "@fracval/core";
import { withoutNulls } from "../../graphql/inputs.js";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    users: (_, __, { db, viewer }) => listUsers(db, requireViewer(viewer)),
  },
  Mutation: {
    createUser: (_, { input }, { db, viewer }) => createUser(db, requireViewer(viewer), input as CreateUserOptions),
    deactivateUser: (_, { id, reason }, { db, viewer }) => deactivateUser(db, requireViewer(viewer), id, reason),
    setUserRole: (_, { id, role, reason }, { db, viewer }) => setUserRole(db, requireViewer(viewer), id, role, reason),
    resetUserPassword: (_, { id, reason }, { db, viewer }) => resetUserPassword(db, requireViewer(viewer), id, reason),
    onboardSite: (_, { input }, { db, viewer }) =>
      onboardSite(db, requireViewer(viewer), withoutNulls(input) as OnboardSiteOptions),
  },
  User: {
    sites: async (u: UserWithAccess | { id: string }, _, { db }) =>
      "siteAccess" in u
        ? u.siteAccess
        : db.siteAccess.findMany({ where: { userId: u.id }, orderBy: { site: { code: "asc" } } }),
  },
};
