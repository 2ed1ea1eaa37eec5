import { getPatient, listPatients, requireViewer } from "@fracval/core";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    patients: (_, args: { datasetId: string; first: number; offset: number; after?: string | null }, { db, viewer }) =>
      listPatients(db, requireViewer(viewer), args),
    patient: (_, { id }, { db, viewer }) => getPatient(db, requireViewer(viewer), id),
  },
};
