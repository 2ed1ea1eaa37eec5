// Validation datasets: summaries (counts, status, report) are aggregate data; their rows are not.
import type { Db, ValidationDataset } from "@fracval/db";
import { aggregateSiteIds, canSeeSiteAggregates } from "./access.js";
import { notFound } from "./errors.js";
import type { Viewer } from "./viewer.js";

export interface DatasetFilter {
  studyId?: string;
  siteId?: string;
}

export function listDatasets(db: Db, viewer: Viewer, filter: DatasetFilter = {}): Promise<ValidationDataset[]> {
  const visible = aggregateSiteIds(viewer);
  return db.validationDataset.findMany({
    where: {
      ...(filter.studyId ? { studyId: filter.studyId } : {}),
      AND: [filter.siteId ? { siteId: filter.siteId } : {}, visible ? { siteId: { in: visible } } : {}],
    },
    orderBy: { createdAt: "desc" },
  });
}

/** A dataset the viewer may see; NOT_FOUND (not FORBIDDEN) otherwise, so ids do not leak existence. */
export async function getDataset(db: Db, viewer: Viewer, id: string): Promise<ValidationDataset> {
  const dataset = await db.validationDataset.findUnique({ where: { id } });
  if (!dataset || !canSeeSiteAggregates(viewer, dataset.siteId)) throw notFound("Dataset", id);
  return dataset;
}
