import { requireViewer, studyCaseMix } from "@fracval/core";
import { comparisonOf } from "../metrics/resolvers.js";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    studyCaseMix: (_, { studyId, datasets, releasedOnly }, context) =>
      studyCaseMix(context.db, requireViewer(context.viewer), studyId, {
        comparison: comparisonOf(context, studyId, datasets, releasedOnly),
        designatedDatasets: datasets ?? [],
        releasedOnly: releasedOnly ?? false,
      }),
  },
};
