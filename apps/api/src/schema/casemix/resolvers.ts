import { requireViewer, studyCaseMix } from "@fracval/core";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    studyCaseMix: (_, { studyId }, { db, viewer }) => studyCaseMix(db, requireViewer(viewer), studyId),
  },
};
