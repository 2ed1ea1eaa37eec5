// Writes a synthetic abdominal CT series (one DICOM file per slice) with hospital-like headers.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SyntheticPatient } from "./cohort.js";
import { CT_SLICE_MM, renderAbdominalCt } from "./ct.js";
import { hospitalHeaders, SOP_CLASS, uidFor, writeDicom } from "./dicom-writer.js";
import type { ImageRef } from "./manifest-rows.js";
import type { SiteProfile } from "./profile.js";
import { Random } from "./random.js";

export const HU_INTERCEPT = -1024;

export function ctWriter(profile: SiteProfile, seed: number) {
  return (patient: SyntheticPatient, dir: string): ImageRef => {
    const series = renderAbdominalCt(patient, new Random(seed).child(200_000 + patient.index));
    const key = `${profile.site}/${seed}/${patient.hospitalId}`;
    const folder = join(dir, patient.hospitalId);
    mkdirSync(folder, { recursive: true });
    const seriesUid = uidFor(`${key}/ct-series`);
    series.slices.forEach((hu, k) => {
      const stored = Uint16Array.from(hu, (v) => Math.max(0, Math.min(4095, v - HU_INTERCEPT)));
      const bytes = writeDicom(
        {
          ...hospitalHeaders(patient, profile, key),
          SOPClassUID: SOP_CLASS.CT,
          SOPInstanceUID: uidFor(`${key}/ct/${k}`),
          SeriesInstanceUID: seriesUid,
          FrameOfReferenceUID: uidFor(`${key}/frame`),
          StudyTime: "101500",
          Modality: "CT",
          ManufacturerModelName: /siemens/i.test(patient.manufacturer) ? "SOMATOM Definition Edge" : "Ingenuity CT",
          ReferringPhysicianName: "LEE^SUNGMIN",
          StudyDescription: "CT ABDOMEN PELVIS WITH CONTRAST",
          SeriesDescription: "AXIAL 5MM PORTAL",
          BodyPartExamined: "ABDOMEN",
          ImageType: ["ORIGINAL", "PRIMARY", "AXIAL"],
          ContrastBolusAgent: "IOPAMIDOL",
          KVP: 120,
          SliceThickness: CT_SLICE_MM,
          SpacingBetweenSlices: CT_SLICE_MM,
          SeriesNumber: 3,
          InstanceNumber: k + 1,
          ImagePositionPatient: [-(series.columns / 2), -(series.rows / 2), -series.positions[k]!],
          ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
          SliceLocation: -series.positions[k]!,
          Rows: series.rows,
          Columns: series.columns,
          PixelSpacing: [1, 1],
          RescaleIntercept: HU_INTERCEPT,
          RescaleSlope: 1,
          RescaleType: "HU",
          WindowCenter: 40,
          WindowWidth: 400,
        },
        stored,
      );
      writeFileSync(join(folder, `ct_${String(k + 1).padStart(4, "0")}.dcm`), bytes);
    });
    return { path: `images/${patient.hospitalId}`, bodyCentre: series.bodyCentre };
  };
}
