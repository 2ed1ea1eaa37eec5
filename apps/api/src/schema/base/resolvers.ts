import { verifyCredentials } from "@fracval/core";
import { DateTime, JSONScalar } from "../../graphql/scalars.js";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  DateTime,
  JSON: JSONScalar,
  Query: {
    ping: () => "pong",
  },
  Mutation: {
    verifyCredentials: (_, args: { email: string; password: string }, { db, client }) =>
      verifyCredentials(db, args.email, args.password, { client }),
  },
};
