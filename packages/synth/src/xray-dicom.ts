// Writes a synthetic lateral spine radiograph as a DICOM DX file with hospital-like headers.
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import type { SyntheticPatient } from "./cohort.js";
import { hospitalHeaders, SOP_CLASS, uidFor, writeDicom } from "./dicom-writer.js";
import type { ImageRef } from "./manifest-rows.js";
import type { SiteProfile } from "./profile.js";
import { Random } from "./random.js";
import { renderLateralSpine } from "./xray.js";

export function xrayWriter(profile: SiteProfile, seed: number) {
  return (patient: SyntheticPatient, dir: string): ImageRef => {
    const image = renderLateralSpine(patient, new Random(seed).child(100_000 + patient.index));
    const key = `${profile.site}/${seed}/${patient.hospitalId}`;
    const bytes = writeDicom(
      {
        ...hospitalHeaders(patient, profile, key),
        SOPClassUID: SOP_CLASS.DX,
        SOPInstanceUID: uidFor(`${key}/xray`),
        SeriesInstanceUID: uidFor(`${key}/series`),
        StudyTime: "093000",
        Modality: "DX",
        ManufacturerModelName: image.model,
        ReferringPhysicianName: "PARK^JIHOON",
        StudyDescription: "L-SPINE LAT",
        SeriesDescription: "LUMBAR SPINE LATERAL",
        BodyPartExamined: "LSPINE",
        ViewPosition: "LL",
        PresentationIntentType: "FOR PRESENTATION",
        ImageType: ["ORIGINAL", "PRIMARY"],
        Rows: image.rows,
        Columns: image.columns,
        PixelSpacing: [image.spacing, image.spacing],
        ImagerPixelSpacing: [image.spacing, image.spacing],
        RescaleIntercept: 0,
        RescaleSlope: 1,
        WindowCenter: 1600,
        WindowWidth: 2600,
      },
      image.pixels,
    );
    const file = `${patient.hospitalId}.dcm`;
    writeFileSync(join(dir, file), bytes);
    return { path: `images/${file}`, centres: image.centres };
  };
}
