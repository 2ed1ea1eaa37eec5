import { getModelVersion, getStudy, listModelVersions, registerModelVersion, type RegisterModelVersionOptions } from "@fracval/core";
import type { ModelVersion } from "@fracval/db";
import type { Resolvers } from "../types.js";

type RegisterInput = Omit<RegisterModelVersionOptions, "artifact"> & { artifactBase64: string };

export const resolvers: Resolvers = {
  Query: {
    modelVersions: (_, { studyId }: { studyId?: string | null }, { db }) => listModelVersions(db, studyId ? { studyId } : {}),
    modelVersion: (_, { id }: { id: string }, { db }) => getModelVersion(db, id),
  },
  Mutation: {
    registerModelVersion: (_, { input }: { input: RegisterInput }, { db, store, viewer }) => {
      const { artifactBase64, ...rest } = input;
      return registerModelVersion(db, store, viewer, { ...rest, artifact: new Uint8Array(Buffer.from(artifactBase64, "base64")) });
    },
  },
  ModelVersion: {
    study: (model: ModelVersion, _, { db }) => getStudy(db, model.studyId),
  },
};
