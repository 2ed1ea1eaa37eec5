// De-identification of DICOM headers before storage: DICOM PS3.15 Annex E, Basic Application Level
// Confidentiality Profile with the "Retain Longitudinal Temporal Information with Modified Dates" option.
// Identifying attributes are replaced (patient ID/name → the site pseudonym; UIDs → keyed UIDs) or
// removed; dates are shifted by a per-patient offset (intervals stay exact); private tags are removed.
import dcmjs from "dcmjs";
import { createHmac } from "node:crypto";

const { DicomDict, DicomMessage, DicomMetaDictionary } = dcmjs.data;

export const DEIDENTIFICATION_METHOD = "FracVal DEID 1.0: PS3.15 Basic Profile; modified dates; UIDs replaced";

/** Attributes removed outright (names as dcmjs naturalises them). */
const REMOVE = [
  "PatientBirthDate", "PatientBirthTime", "PatientAddress", "PatientTelephoneNumbers", "OtherPatientIDs", "OtherPatientNames",
  "OtherPatientIDsSequence", "PatientBirthName", "PatientMotherBirthName", "MedicalRecordLocator", "MilitaryRank", "EthnicGroup",
  "Occupation", "PatientComments", "AdditionalPatientHistory", "InstitutionName", "InstitutionAddress", "InstitutionalDepartmentName",
  "ReferringPhysicianName", "ReferringPhysicianAddress", "ReferringPhysicianTelephoneNumbers", "PhysiciansOfRecord",
  "PerformingPhysicianName", "NameOfPhysiciansReadingStudy", "OperatorsName", "RequestingPhysician", "StationName",
  "DeviceSerialNumber", "ImageComments", "StudyComments", "RequestAttributesSequence", "ReferencedPatientSequence",
  "ReferencedStudySequence", "ProtocolName", "PerformedProcedureStepDescription", "RequestedProcedureDescription",
  "AdmittingDiagnosesDescription", "ResponsiblePerson", "ResponsibleOrganization",
] as const;
/** Attributes kept but emptied (type 2: must be present). */
const EMPTY = ["AccessionNumber", "StudyID"] as const;
const DATES = ["StudyDate", "SeriesDate", "AcquisitionDate", "ContentDate", "InstanceCreationDate"] as const;
const UIDS = ["StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID", "FrameOfReferenceUID"] as const;

export interface DeidentifyOptions {
  /** Site-scoped pseudonym of the patient: becomes PatientID and PatientName. */
  pseudonym: string;
  /** Days added to every date of this patient (same offset for all their files). */
  dateShiftDays: number;
  /** Key of the UID replacement (HMAC), the same for the whole platform so series stay consistent. */
  uidKey: string;
}

/** Per-patient date shift in [−365, −1] days from a keyed hash: the same patient always shifts alike. */
export function dateShiftFor(key: string, pseudonym: string): number {
  return -1 - (createHmac("sha256", key).update(`date-shift:${pseudonym}`).digest().readUInt32BE(0) % 365);
}

function keyedUid(key: string, uid: string): string {
  const digest = createHmac("sha256", key).update(`uid:${uid}`).digest();
  return `2.25.${BigInt("0x" + digest.subarray(0, 16).toString("hex")).toString()}`;
}

function shiftDate(value: string, days: number): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  if (!m) return "";
  const shifted = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + days * 86_400_000);
  return shifted.toISOString().slice(0, 10).replace(/-/g, "");
}

export function deidentifyDicom(bytes: Uint8Array, options: DeidentifyOptions): Uint8Array {
  const buffer = new Uint8Array(bytes).buffer; // an exact, unshared copy
  const file = DicomMessage.readFile(buffer);
  const meta = DicomMetaDictionary.naturalizeDataset(file.meta);
  const ds = DicomMetaDictionary.naturalizeDataset(file.dict);
  for (const name of REMOVE) delete ds[name];
  for (const name of EMPTY) if (name in ds) ds[name] = "";
  for (const key of Object.keys(ds)) {
    // private (odd-group) attributes, which dcmjs keeps under their hex tag
    if (/^[0-9A-Fa-f]{8}$/.test(key) && parseInt(key.slice(0, 4), 16) % 2 === 1) delete ds[key];
  }
  for (const name of DATES) if (typeof ds[name] === "string") ds[name] = shiftDate(ds[name] as string, options.dateShiftDays);
  for (const name of UIDS) if (typeof ds[name] === "string") ds[name] = keyedUid(options.uidKey, ds[name] as string);
  ds.PatientID = options.pseudonym;
  ds.PatientName = options.pseudonym;
  ds.PatientIdentityRemoved = "YES";
  ds.DeidentificationMethod = DEIDENTIFICATION_METHOD;
  ds.DeidentificationMethodCodeSequence = [
    { CodeValue: "113100", CodingSchemeDesignator: "DCM", CodeMeaning: "Basic Application Confidentiality Profile" },
    { CodeValue: "113107", CodingSchemeDesignator: "DCM", CodeMeaning: "Retain Longitudinal Temporal Information Modified Dates Option" },
  ];
  ds.LongitudinalTemporalInformationModified = "MODIFIED";
  if (typeof meta.MediaStorageSOPInstanceUID === "string") meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID;
  const out = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  out.dict = DicomMetaDictionary.denaturalizeDataset(ds);
  return new Uint8Array(out.write());
}
