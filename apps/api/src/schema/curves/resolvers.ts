import { requireViewer, runCurves } from "@fracval/core";
import type { ValidationRun } from "@fracval/db";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  ValidationRun: {
    curves: (r: ValidationRun, _, { db, viewer }) => runCurves(db, requireViewer(viewer), r),
  },
};
