// Turns synthetic patients into manifest.csv rows in the upload format (packages/upload-format).
import {
  CENTRE_LEVELS,
  CT_CENTRE_COLUMNS,
  DATA_SOURCE_COLUMN,
  MANIFEST_COLUMNS,
  TRUTH_PREFIX,
} from "@fracval/upload-format";
import type { SyntheticPatient } from "./cohort.js";

export type Row = Record<string, string>;

const bool = (x: boolean) => (x ? "1" : "0");

export const TRUTH_COLUMNS = [
  "fragility",
  "muscle_quality",
  "risk_5y",
  "risk_10y",
  "event_time_days",
  "prevalent_grades",
].map((c) => TRUTH_PREFIX + c);

export interface ImageRef {
  path: string;
  /** Vertebral body centres (column, row) in pixels, X-ray only. */
  centres?: Record<string, [number, number]>;
  /** Vertebral body centre in the axial plane (column, row), CT only. */
  bodyCentre?: [number, number];
}

export function manifestHeader(modality: "xray" | "ct" | "none"): string[] {
  return [
    ...MANIFEST_COLUMNS.map((c) => c.name),
    ...(modality === "xray" ? CENTRE_LEVELS.flatMap((l) => [`${l}_x`, `${l}_y`]) : []),
    ...(modality === "ct" ? CT_CENTRE_COLUMNS.map((c) => c.name) : []),
    DATA_SOURCE_COLUMN,
    ...TRUTH_COLUMNS,
  ];
}

export function manifestRow(p: SyntheticPatient, image: ImageRef | null): Row {
  const row: Row = {
    patient_id: p.hospitalId,
    age: String(p.age),
    sex: p.female ? "F" : "M",
    height_cm: String(p.heightCm),
    weight_kg: String(p.weightKg),
    bmi: String(p.bmi),
    glucocorticoids: bool(p.glucocorticoids),
    secondary_osteoporosis: bool(p.secondaryOsteoporosis),
    rheumatoid_arthritis: bool(p.rheumatoidArthritis),
    current_smoking: bool(p.currentSmoking),
    alcohol_3plus: bool(p.alcohol3Plus),
    prior_fragility_fracture: bool(p.priorFragilityFracture),
    parental_hip_fracture: bool(p.parentalHipFracture),
    type2_diabetes: bool(p.type2Diabetes),
    fn_bmd: String(p.femoralNeckBmd),
    fn_tscore: String(p.femoralNeckTScore),
    frax_mof_pct: String(p.fraxMof),
    frax_hip_pct: String(p.fraxHip),
    prevalent_vertebral_fracture: bool(p.prevalentDeformities.length > 0),
    followup_days: String(p.followUpDays),
    incident_vertebral_fracture: bool(p.event),
    event_days: p.eventDays === null ? "" : String(p.eventDays),
    death_days: p.deathDays === null ? "" : String(p.deathDays),
    image_path: image?.path ?? "",
    manufacturer: p.manufacturer,
    [DATA_SOURCE_COLUMN]: "SYNTHETIC",
    truth_fragility: p.truth.fragility.toFixed(6),
    truth_muscle_quality: p.truth.muscleQuality.toFixed(6),
    truth_risk_5y: p.truth.risk5y.toFixed(6),
    truth_risk_10y: p.truth.risk10y.toFixed(6),
    truth_event_time_days: p.truth.eventTimeDays.toFixed(2),
    truth_prevalent_grades: p.prevalentDeformities.map((d) => `${d.level}:${d.grade}${d.shape[0]}`).join(" "),
  };
  if (image?.bodyCentre) {
    row.ct_body_x = image.bodyCentre[0].toFixed(1);
    row.ct_body_y = image.bodyCentre[1].toFixed(1);
  }
  for (const [level, [x, y]] of Object.entries(image?.centres ?? {})) {
    row[`${level.toLowerCase()}_x`] = x.toFixed(1);
    row[`${level.toLowerCase()}_y`] = y.toFixed(1);
  }
  return row;
}
