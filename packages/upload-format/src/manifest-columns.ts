// The columns of manifest.csv, one row per patient. Booleans are 0/1; dates are not uploaded (only
// durations in days from the baseline image); FRAX probabilities are PERCENT (0–100), as the FRAX
// tool reports them.

export type ColumnType = "string" | "integer" | "number" | "boolean" | "sex" | "path";

export interface ManifestColumn {
  name: string;
  type: ColumnType;
  required: boolean;
  unit?: string;
  min?: number;
  max?: number;
  description: string;
}

export const MANIFEST_COLUMNS: readonly ManifestColumn[] = [
  {
    name: "patient_id",
    type: "string",
    required: true,
    description: "Hospital patient ID; replaced by a keyed per-site pseudonym on upload and never stored",
  },
  {
    name: "age",
    type: "number",
    required: true,
    unit: "years",
    min: 18,
    max: 110,
    description: "Age at the baseline image",
  },
  { name: "sex", type: "sex", required: true, description: "F or M" },
  { name: "height_cm", type: "number", required: false, unit: "cm", min: 100, max: 230, description: "Height" },
  { name: "weight_kg", type: "number", required: false, unit: "kg", min: 20, max: 250, description: "Weight" },
  { name: "bmi", type: "number", required: false, unit: "kg/m²", min: 10, max: 70, description: "Body-mass index" },
  {
    name: "glucocorticoids",
    type: "boolean",
    required: false,
    description: "Oral glucocorticoids ≥ 3 months (FRAX definition)",
  },
  {
    name: "secondary_osteoporosis",
    type: "boolean",
    required: false,
    description: "Disorder strongly associated with osteoporosis",
  },
  { name: "rheumatoid_arthritis", type: "boolean", required: false, description: "Confirmed rheumatoid arthritis" },
  { name: "current_smoking", type: "boolean", required: false, description: "Current smoker" },
  { name: "alcohol_3plus", type: "boolean", required: false, description: "Alcohol ≥ 3 units per day" },
  {
    name: "prior_fragility_fracture",
    type: "boolean",
    required: false,
    description: "Prior clinical fragility fracture",
  },
  { name: "parental_hip_fracture", type: "boolean", required: false, description: "Hip fracture of a parent" },
  { name: "type2_diabetes", type: "boolean", required: false, description: "Type 2 diabetes" },
  {
    name: "fn_bmd",
    type: "number",
    required: false,
    unit: "g/cm²",
    min: 0.2,
    max: 1.6,
    description: "Femoral-neck BMD by DXA",
  },
  { name: "fn_tscore", type: "number", required: false, min: -7, max: 5, description: "Femoral-neck T-score" },
  {
    name: "frax_mof_pct",
    type: "number",
    required: false,
    unit: "%",
    min: 0,
    max: 100,
    description: "FRAX 10-year major osteoporotic fracture probability, percent",
  },
  {
    name: "frax_hip_pct",
    type: "number",
    required: false,
    unit: "%",
    min: 0,
    max: 100,
    description: "FRAX 10-year hip fracture probability, percent",
  },
  {
    name: "prevalent_vertebral_fracture",
    type: "boolean",
    required: false,
    description: "Vertebral fracture present on the baseline image",
  },
  {
    name: "followup_days",
    type: "integer",
    required: true,
    unit: "days",
    min: 1,
    max: 36500,
    description:
      "Days from the baseline image to the end of observation (last contact, death or study end); observation may go on after a fracture",
  },
  {
    name: "incident_vertebral_fracture",
    type: "boolean",
    required: true,
    description: "1 if an incident vertebral fracture was observed during follow-up",
  },
  {
    name: "event_days",
    type: "integer",
    required: false,
    unit: "days",
    min: 1,
    max: 36500,
    description:
      "Days from the baseline image to the incident fracture (the analysis time of an event); required when incident_vertebral_fracture = 1, ≤ followup_days",
  },
  {
    name: "death_days",
    type: "integer",
    required: false,
    unit: "days",
    min: 1,
    max: 36500,
    description:
      "Days from the baseline image to death, when the patient died during follow-up (≤ followup_days); a death before any fracture is a competing event",
  },
  {
    name: "image_path",
    type: "path",
    required: false,
    description:
      "Relative path of the DICOM file (X-ray; a greyscale PNG is accepted too) or series folder (CT); required for image studies",
  },
  {
    name: "pixel_spacing_mm",
    type: "number",
    required: false,
    unit: "mm",
    min: 0.01,
    max: 5,
    description:
      "Pixel spacing of a PNG radiograph (square pixels); required when image_path is a PNG, ignored for DICOM (which states its own)",
  },
  {
    name: "manufacturer",
    type: "string",
    required: false,
    description: "Imaging device manufacturer (also read from DICOM)",
  },
];

/** X-ray studies may give vertebral body centres (pixels, column x / row y) for keypoint-free cropping. */
export const CENTRE_LEVELS = ["t11", "t12", "l1", "l2", "l3", "l4", "l5"] as const;
export const CENTRE_COLUMNS: readonly ManifestColumn[] = CENTRE_LEVELS.flatMap((level) => [
  {
    name: `${level}_x`,
    type: "number" as const,
    required: false,
    unit: "px",
    min: 0,
    description: `Centre of ${level.toUpperCase()}, column`,
  },
  {
    name: `${level}_y`,
    type: "number" as const,
    required: false,
    unit: "px",
    min: 0,
    description: `Centre of ${level.toUpperCase()}, row`,
  },
]);

/** Ground truth written by the synthetic generator; ignored by ingestion. */
export const TRUTH_PREFIX = "truth_";
/** Marks every synthetic row, so a synthetic dataset can never pass for real data. */
export const DATA_SOURCE_COLUMN = "data_source";

/** CT studies may give the vertebral body centre in the axial plane (pixels) for the bone and muscle crops. */
export const CT_CENTRE_COLUMNS: readonly ManifestColumn[] = [
  {
    name: "ct_body_x",
    type: "number",
    required: false,
    unit: "px",
    min: 0,
    description: "Vertebral body centre in the axial slices, column",
  },
  {
    name: "ct_body_y",
    type: "number",
    required: false,
    unit: "px",
    min: 0,
    description: "Vertebral body centre in the axial slices, row",
  },
];
