import {
  createStudy,
  getStudy,
  listDatasets,
  listModelVersions,
  listStudies,
  PAGE_LIMITS,
  paginate,
  requireViewer,
  type CreateStudyOptions,
  type PageArgs,
} from "@fracval/core";
import type { Study } from "@fracval/db";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    studies: async (_, page: PageArgs, { db }) => paginate(await listStudies(db), page, PAGE_LIMITS.studies),
    study: (_, { id }: { id: string }, { db }) => getStudy(db, id),
  },
  Mutation: {
    createStudy: (_, { input }: { input: CreateStudyOptions }, { db, viewer }) =>
      createStudy(db, requireViewer(viewer), input),
  },
  Study: {
    models: (study: Study, _, { db }) => listModelVersions(db, { studyId: study.id }),
    datasets: async (study: Study, page: PageArgs, { db, viewer }) =>
      paginate(await listDatasets(db, requireViewer(viewer), { studyId: study.id }), page, PAGE_LIMITS.datasets),
  },
};
