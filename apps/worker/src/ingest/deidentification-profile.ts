// The de-identification profile as data: DICOM PS3.15 Annex E, Table E.1-1 (Basic Application Level
// Confidentiality Profile) with the options FracVal declares, as action codes per attribute:
//   K keep · C clean (dates shifted per patient) · U replace a UID by a keyed one · Z keep, emptied ·
//   D replace with a dummy (the site pseudonym) · X remove.
// FracVal applies it as an allow-list: an attribute not in this table is removed (X), at every depth, and
// so is every private attribute, overlay (60xx) and curve (50xx). That is stricter than the Basic Profile,
// which would keep unlisted attributes; nothing the pipelines read is lost (the K rows below).
// Declared options (DeidentificationMethodCodeSequence): 113100 Basic Application Confidentiality Profile,
// 113107 Retain Longitudinal Temporal Information Modified Dates (dates shifted by a per-patient offset),
// 113108 Retain Patient Characteristics (sex, age, size, weight are kept).

export type DeidAction = "K" | "C" | "U" | "Z" | "D" | "X";

export interface ProfileRow {
  /** Tag as 8 hex digits, group then element. */
  tag: string;
  keyword: string;
  action: DeidAction;
  /** Why FracVal keeps it (K rows), or the Table E.1-1 basis. */
  why: string;
}

export const DECLARED_OPTIONS = [
  { CodeValue: "113100", CodingSchemeDesignator: "DCM", CodeMeaning: "Basic Application Confidentiality Profile" },
  {
    CodeValue: "113107",
    CodingSchemeDesignator: "DCM",
    CodeMeaning: "Retain Longitudinal Temporal Information Modified Dates Option",
  },
  { CodeValue: "113108", CodingSchemeDesignator: "DCM", CodeMeaning: "Retain Patient Characteristics Option" },
] as const;

const imaging = "read by the preprocessing pipelines or the validation report";

export const PROFILE: readonly ProfileRow[] = [
  // Identification of the patient, the study and the instance
  { tag: "00100010", keyword: "PatientName", action: "D", why: "E.1-1 Z/D: replaced by the site pseudonym" },
  { tag: "00100020", keyword: "PatientID", action: "D", why: "E.1-1 Z/D: replaced by the site pseudonym" },
  { tag: "00100030", keyword: "PatientBirthDate", action: "Z", why: "E.1-1 Z (type 2: present, empty)" },
  { tag: "00100040", keyword: "PatientSex", action: "K", why: "Retain Patient Characteristics option" },
  { tag: "00101010", keyword: "PatientAge", action: "K", why: "Retain Patient Characteristics option" },
  { tag: "00101020", keyword: "PatientSize", action: "K", why: "Retain Patient Characteristics option" },
  { tag: "00101030", keyword: "PatientWeight", action: "K", why: "Retain Patient Characteristics option" },
  { tag: "00080050", keyword: "AccessionNumber", action: "Z", why: "E.1-1 Z (type 2)" },
  { tag: "00200010", keyword: "StudyID", action: "Z", why: "E.1-1 Z (type 2)" },
  { tag: "00080090", keyword: "ReferringPhysicianName", action: "Z", why: "E.1-1 Z (type 2)" },
  { tag: "0020000D", keyword: "StudyInstanceUID", action: "U", why: "E.1-1 U" },
  { tag: "0020000E", keyword: "SeriesInstanceUID", action: "U", why: "E.1-1 U" },
  { tag: "00080018", keyword: "SOPInstanceUID", action: "U", why: "E.1-1 U" },
  { tag: "00200052", keyword: "FrameOfReferenceUID", action: "U", why: "E.1-1 U" },
  { tag: "00080016", keyword: "SOPClassUID", action: "K", why: "a class, not an instance: identifies nobody" },
  // Dates (shifted per patient), never times
  {
    tag: "00080020",
    keyword: "StudyDate",
    action: "C",
    why: "E.1-1 Z, kept shifted: Retain Longitudinal Temporal Information Modified Dates",
  },
  { tag: "00080021", keyword: "SeriesDate", action: "C", why: "E.1-1 X/D, kept shifted (modified dates option)" },
  { tag: "00080022", keyword: "AcquisitionDate", action: "C", why: "E.1-1 X/D, kept shifted (modified dates option)" },
  { tag: "00080023", keyword: "ContentDate", action: "C", why: "E.1-1 Z/D, kept shifted (modified dates option)" },
  {
    tag: "00080012",
    keyword: "InstanceCreationDate",
    action: "C",
    why: "E.1-1 X/D, kept shifted (modified dates option)",
  },
  // What the pipelines read: acquisition, geometry, pixels
  { tag: "00080008", keyword: "ImageType", action: "K", why: imaging },
  { tag: "00080060", keyword: "Modality", action: "K", why: imaging },
  { tag: "00080070", keyword: "Manufacturer", action: "K", why: "image manufacturer, a subgroup of the validation" },
  { tag: "00081090", keyword: "ManufacturerModelName", action: "K", why: "device model, for case-mix tables" },
  { tag: "00180015", keyword: "BodyPartExamined", action: "K", why: imaging },
  { tag: "00180050", keyword: "SliceThickness", action: "K", why: imaging },
  { tag: "00180060", keyword: "KVP", action: "K", why: "acquisition technique" },
  { tag: "00180088", keyword: "SpacingBetweenSlices", action: "K", why: imaging },
  { tag: "00181164", keyword: "ImagerPixelSpacing", action: "K", why: imaging },
  { tag: "00185101", keyword: "ViewPosition", action: "K", why: imaging },
  { tag: "00200011", keyword: "SeriesNumber", action: "K", why: "ordering within the (de-identified) study" },
  { tag: "00200012", keyword: "AcquisitionNumber", action: "K", why: "ordering within the series" },
  { tag: "00200013", keyword: "InstanceNumber", action: "K", why: "ordering within the series" },
  { tag: "00200020", keyword: "PatientOrientation", action: "K", why: imaging },
  { tag: "00200032", keyword: "ImagePositionPatient", action: "K", why: imaging },
  { tag: "00200037", keyword: "ImageOrientationPatient", action: "K", why: imaging },
  { tag: "00201041", keyword: "SliceLocation", action: "K", why: imaging },
  { tag: "00280002", keyword: "SamplesPerPixel", action: "K", why: imaging },
  { tag: "00280004", keyword: "PhotometricInterpretation", action: "K", why: imaging },
  { tag: "00280006", keyword: "PlanarConfiguration", action: "K", why: imaging },
  { tag: "00280008", keyword: "NumberOfFrames", action: "K", why: imaging },
  { tag: "00280010", keyword: "Rows", action: "K", why: imaging },
  { tag: "00280011", keyword: "Columns", action: "K", why: imaging },
  { tag: "00280030", keyword: "PixelSpacing", action: "K", why: imaging },
  { tag: "00280034", keyword: "PixelAspectRatio", action: "K", why: imaging },
  { tag: "00280100", keyword: "BitsAllocated", action: "K", why: imaging },
  { tag: "00280101", keyword: "BitsStored", action: "K", why: imaging },
  { tag: "00280102", keyword: "HighBit", action: "K", why: imaging },
  { tag: "00280103", keyword: "PixelRepresentation", action: "K", why: imaging },
  { tag: "00281050", keyword: "WindowCenter", action: "K", why: imaging },
  { tag: "00281051", keyword: "WindowWidth", action: "K", why: imaging },
  { tag: "00281052", keyword: "RescaleIntercept", action: "K", why: imaging },
  { tag: "00281053", keyword: "RescaleSlope", action: "K", why: imaging },
  { tag: "00281054", keyword: "RescaleType", action: "K", why: imaging },
  {
    tag: "00282110",
    keyword: "LossyImageCompression",
    action: "K",
    why: "tells the pipelines the pixels were compressed",
  },
  { tag: "00280301", keyword: "BurnedInAnnotation", action: "K", why: "checked at ingestion: YES is refused" },
  { tag: "7FE00010", keyword: "PixelData", action: "K", why: imaging },
  // Named for the record: identifying attributes the allow-list removes (Table E.1-1 X rows)
  { tag: "00080080", keyword: "InstitutionName", action: "X", why: "E.1-1 X" },
  { tag: "00080081", keyword: "InstitutionAddress", action: "X", why: "E.1-1 X" },
  { tag: "00081030", keyword: "StudyDescription", action: "X", why: "E.1-1 X: free text" },
  { tag: "0008103E", keyword: "SeriesDescription", action: "X", why: "E.1-1 X: free text" },
  { tag: "00204000", keyword: "ImageComments", action: "X", why: "E.1-1 X: free text" },
  { tag: "00100021", keyword: "IssuerOfPatientID", action: "X", why: "E.1-1 X" },
  { tag: "00101000", keyword: "OtherPatientIDs", action: "X", why: "E.1-1 X" },
  {
    tag: "04000561",
    keyword: "OriginalAttributesSequence",
    action: "X",
    why: "E.1-1 X: holds the original identifiers",
  },
  { tag: "04000550", keyword: "ModifiedAttributesSequence", action: "X", why: "E.1-1 X" },
  { tag: "00081140", keyword: "ReferencedImageSequence", action: "X", why: "E.1-1 X/Z/U: references other instances" },
  {
    tag: "00080030",
    keyword: "StudyTime",
    action: "X",
    why: "E.1-1 Z: times of day are dropped (only dates are shifted)",
  },
  { tag: "00080032", keyword: "AcquisitionTime", action: "X", why: "E.1-1 X/D" },
  { tag: "00080033", keyword: "ContentTime", action: "X", why: "E.1-1 Z/D" },
  { tag: "0008002A", keyword: "AcquisitionDateTime", action: "X", why: "E.1-1 X/D" },
  { tag: "00181000", keyword: "DeviceSerialNumber", action: "X", why: "E.1-1 X/Z/D" },
  { tag: "00081010", keyword: "StationName", action: "X", why: "E.1-1 X/Z/D" },
];

/** File meta information (group 0002) that may stay; everything else there is removed. */
export const FILE_META_KEEP: Readonly<Record<string, "K" | "U">> = {
  "00020001": "K", // FileMetaInformationVersion
  "00020002": "K", // MediaStorageSOPClassUID
  "00020003": "U", // MediaStorageSOPInstanceUID: the SOPInstanceUID's replacement
  "00020010": "K", // TransferSyntaxUID
  "00020012": "K", // ImplementationClassUID
  "00020013": "K", // ImplementationVersionName
};

export const ACTION_OF: ReadonlyMap<string, DeidAction> = new Map(PROFILE.map((r) => [r.tag.toUpperCase(), r.action]));
