// Patient-level reads. Each one checks site scoping first and writes an AuditEvent before returning rows.
import type { ClinicalBaseline, Db, Outcome, Patient } from "@fracval/db";
import { assertPatientDataAccess } from "./access.js";
import { recordAudit } from "./audit.js";
import { badInput, notFound } from "./errors.js";
import type { Viewer } from "./viewer.js";

export type PatientRecord = Patient & { baseline: ClinicalBaseline | null; outcome: Outcome | null };

const MAX_PAGE = 500;

export interface ListPatientsOptions {
  datasetId: string;
  first?: number;
  offset?: number;
  /** Id of the last patient of the previous page (cursor; instead of offset). */
  after?: string | null;
}

export async function listPatients(db: Db, viewer: Viewer, options: ListPatientsOptions): Promise<PatientRecord[]> {
  const first = options.first ?? 100;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
    throw badInput("first", `first must be an integer from 1 to ${MAX_PAGE}.`, first);
  const offset = options.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0)
    throw badInput("offset", "offset must be a non-negative integer.", offset);
  const dataset = await db.validationDataset.findUnique({ where: { id: options.datasetId }, include: { site: true } });
  if (!dataset) throw notFound("Dataset", options.datasetId);
  assertPatientDataAccess(viewer, dataset.siteId, dataset.site.code, { kind: "Dataset", id: dataset.id });
  const patients = await db.patient.findMany({
    where: { datasetId: dataset.id },
    include: { baseline: true, outcome: true },
    orderBy: [{ pseudonym: "asc" }, { id: "asc" }],
    take: first,
    ...(options.after ? { cursor: { id: options.after }, skip: 1 } : { skip: offset }),
  });
  await recordAudit(db, viewer, {
    action: "patient.list",
    siteId: dataset.siteId,
    resource: dataset.id,
    patientIds: patients.map((p) => p.id),
  });
  return patients;
}

export async function getPatient(db: Db, viewer: Viewer, id: string): Promise<PatientRecord> {
  const patient = await db.patient.findUnique({
    where: { id },
    include: { baseline: true, outcome: true, site: true },
  });
  if (!patient) throw notFound("Patient", id);
  assertPatientDataAccess(viewer, patient.siteId, patient.site.code, { kind: "Patient", id });
  await recordAudit(db, viewer, {
    action: "patient.read",
    siteId: patient.siteId,
    resource: patient.datasetId,
    patientIds: [patient.id],
  });
  const { site: _site, ...record } = patient;
  return record;
}
