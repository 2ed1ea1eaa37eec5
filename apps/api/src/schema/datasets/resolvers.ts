import {
  withdrawValidationDataset,
  cancelDatasetUpload,
  createValidationDataset,
  datasetProgress,
  datasetUploadFolder,
  removeIncomingUploads,
  removeRawUpload,
  seesSiteCounts,
  shownDatasetCounts,
  getDataset,
  getStudy,
  listDatasets,
  listRuns,
  PAGE_LIMITS,
  paginate,
  requireViewer,
  startIngestion,
  type PageArgs,
  type ValidationReport,
} from "@fracval/core";
import type { ValidationDataset } from "@fracval/db";
import { withoutNulls } from "../../graphql/inputs.js";
import type { Resolvers } from "../types.js";

export const resolvers: Resolvers = {
  Query: {
    datasets: async (_, filter: { studyId?: string | null; siteId?: string | null } & PageArgs, { db, viewer }) =>
      paginate(
        await listDatasets(db, requireViewer(viewer), {
          ...(filter.studyId ? { studyId: filter.studyId } : {}),
          ...(filter.siteId ? { siteId: filter.siteId } : {}),
        }),
        filter,
        PAGE_LIMITS.datasets,
      ),
    dataset: (_, { id }, { db, viewer }) => getDataset(db, requireViewer(viewer), id),
  },
  Mutation: {
    createValidationDataset: (_, { input }, { db, viewer }) =>
      createValidationDataset(db, requireViewer(viewer), withoutNulls(input)),
    finishValidationDatasetUpload: (_, { id }, { db, enqueue, viewer }) =>
      startIngestion(db, enqueue, requireViewer(viewer), id),
    withdrawValidationDataset: async (_, { id, reason }, { db, store, viewer }) =>
      (await withdrawValidationDataset(db, store, requireViewer(viewer), id, reason)).dataset,
    cancelValidationDatasetUpload: async (_, { id }, { db, uploadsDir, viewer }) => {
      const cancelled = await cancelDatasetUpload(db, requireViewer(viewer), id);
      removeRawUpload(datasetUploadFolder(uploadsDir, id));
      removeIncomingUploads(uploadsDir, id);
      return cancelled;
    },
  },
  ValidationDataset: {
    patientCount: (d: ValidationDataset, _, { viewer }) =>
      shownDatasetCounts(d, seesSiteCounts(requireViewer(viewer), d.siteId)).patientCount,
    eventCount: (d: ValidationDataset, _, { viewer }) =>
      shownDatasetCounts(d, seesSiteCounts(requireViewer(viewer), d.siteId)).eventCount,
    imageCount: (d: ValidationDataset, _, { viewer }) =>
      shownDatasetCounts(d, seesSiteCounts(requireViewer(viewer), d.siteId)).imageCount,
    validationReport: (d: ValidationDataset) => reportOf(d.validationReport),
    progressState: (d: ValidationDataset) => datasetProgress(d).state,
    secondsSinceProgress: (d: ValidationDataset) => datasetProgress(d).secondsSinceProgress,
    site: (d: ValidationDataset, _, { db }) => db.site.findUniqueOrThrow({ where: { id: d.siteId } }),
    study: (d: ValidationDataset, _, { db }) => getStudy(db, d.studyId),
    runs: async (d: ValidationDataset, page: PageArgs, { db, viewer }) =>
      paginate(await listRuns(db, requireViewer(viewer), { datasetId: d.id }), page, PAGE_LIMITS.runs),
  },
};

/** The stored report (JSON) as the SDL's ValidationReport, whatever wrote it: every field present. */
function reportOf(stored: unknown): ValidationReport | null {
  if (stored === null || typeof stored !== "object") return null;
  const r = stored as Partial<ValidationReport>;
  const problems = (Array.isArray(r.problems) ? r.problems : []).map((p) => ({
    row: Number(p.row ?? 0),
    column: String(p.column ?? ""),
    value: String(p.value ?? ""),
    reason: String(p.reason ?? ""),
  }));
  return { rows: Number(r.rows ?? 0), problemCount: Number(r.problemCount ?? problems.length), problems };
}
