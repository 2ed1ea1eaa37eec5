import {
  createStudy,
  getStudy,
  listDatasets,
  listModelVersions,
  listStudies,
  PAGE_LIMITS,
  paginate,
  requireViewer,
  type PageArgs,
} from "@fracval/core";
import type { Study } from "@fracval/db";
import { withoutNulls } from "../../graphql/inputs.js";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    studies: async (_, page, { db }) => paginate(await listStudies(db), page, PAGE_LIMITS.studies),
    study: (_, { id }, { db }) => getStudy(db, id),
  },
  Mutation: {
    createStudy: (_, { input }, { db, viewer }) => createStudy(db, requireViewer(viewer), withoutNulls(input)),
  },
  Study: {
    models: (study: Study, _, { db }) => listModelVersions(db, { studyId: study.id }),
    datasets: async (study: Study, page: PageArgs, { db, viewer }) =>
      paginate(await listDatasets(db, requireViewer(viewer), { studyId: study.id }), page, PAGE_LIMITS.datasets),
  },
};
