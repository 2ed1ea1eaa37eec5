import { requireViewer, studyCaseMix } from "@fracval/core";
import { comparisonOf } from "../metrics/resolvers.js";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    studyCaseMix: (_, { studyId }, context) =>
      studyCaseMix(context.db, requireViewer(context.viewer), studyId, { comparison: comparisonOf(context, studyId) }),
  },
};
