import {
  getModelVersion,
  getStudy,
  listModelVersions,
  PAGE_LIMITS,
  paginate,
  registerModelVersion,
  type PageArgs,
  type RegisterModelVersionOptions,
} from "@fracval/core";
import type { ModelVersion } from "@fracval/db";
import type { Resolvers } from "../types.js";

type RegisterInput = Omit<RegisterModelVersionOptions, "artifact"> & { artifactBase64: string };

export const resolvers: Resolvers = {
  Query: {
    modelVersions: async (_, { studyId, ...page }: { studyId?: string | null } & PageArgs, { db }) =>
      paginate(await listModelVersions(db, studyId ? { studyId } : {}), page, PAGE_LIMITS.modelVersions),
    modelVersion: (_, { id }: { id: string }, { db }) => getModelVersion(db, id),
  },
  Mutation: {
    registerModelVersion: (_, { input }: { input: RegisterInput }, { db, store, viewer }) => {
      const { artifactBase64, ...rest } = input;
      return registerModelVersion(db, store, viewer, {
        ...rest,
        artifact: new Uint8Array(Buffer.from(artifactBase64, "base64")),
      });
    },
  },
  ModelVersion: {
    study: (model: ModelVersion, _, { db }) => getStudy(db, model.studyId),
  },
};
