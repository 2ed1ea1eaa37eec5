import {
  checkModelVersion,
  deprecateModelVersion,
  getModelVersion,
  requireViewer,
  getStudy,
  listModelVersions,
  PAGE_LIMITS,
  paginate,
  registerModelVersion,
  type RegisterModelVersionOptions,
} from "@fracval/core";
import type { ModelVersion } from "@fracval/db";
import { withoutNulls } from "../../graphql/inputs.js";
import type { RegisterModelVersionInput } from "../resolvers-types.js";
import type { Resolvers } from "../types.js";

/** The service parses every field (zod): the manifest's shape is checked there, not assumed here. */
function registrationOf(input: RegisterModelVersionInput): RegisterModelVersionOptions {
  const { artifactBase64, manifest, ...rest } = withoutNulls(input);
  return {
    ...rest,
    manifest: manifest as RegisterModelVersionOptions["manifest"],
    artifact: new Uint8Array(Buffer.from(artifactBase64, "base64")),
  };
}

export const resolvers: Resolvers = {
  Query: {
    modelVersions: async (_, { studyId, ...page }, { db }) =>
      paginate(await listModelVersions(db, studyId ? { studyId } : {}), page, PAGE_LIMITS.modelVersions),
    modelVersion: (_, { id }, { db }) => getModelVersion(db, id),
  },
  Mutation: {
    checkModelVersion: (_, { input }, { db }) => checkModelVersion(db, registrationOf(input)),
    registerModelVersion: (_, { input }, { db, store, viewer }) =>
      registerModelVersion(db, store, viewer, registrationOf(input)),
    deprecateModelVersion: (_, { id, reason }, { db, viewer }) =>
      deprecateModelVersion(db, requireViewer(viewer), id, reason),
  },
  ModelVersion: {
    study: (model: ModelVersion, _, { db }) => getStudy(db, model.studyId),
  },
};
