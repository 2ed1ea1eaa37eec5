// Writes a synthetic lateral spine radiograph as a DICOM DX file with hospital-like headers.
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import type { SyntheticPatient } from "./cohort.js";
import { personName, SOP_CLASS, SYNTHETIC_COMMENT, uidFor, writeDicom } from "./dicom-writer.js";
import type { ImageRef } from "./manifest-rows.js";
import type { SiteProfile } from "./profile.js";
import { Random } from "./random.js";
import { renderLateralSpine } from "./xray.js";

export function xrayWriter(profile: SiteProfile, seed: number) {
  return (patient: SyntheticPatient, dir: string): ImageRef => {
    const image = renderLateralSpine(patient, new Random(seed).child(100_000 + patient.index));
    const key = `${profile.site}/${seed}/${patient.hospitalId}`;
    const study = uidFor(`${key}/study`);
    const bytes = writeDicom(
      {
        SOPClassUID: SOP_CLASS.DX,
        SOPInstanceUID: uidFor(`${key}/xray`),
        StudyInstanceUID: study,
        SeriesInstanceUID: uidFor(`${key}/series`),
        StudyDate: patient.studyDate,
        SeriesDate: patient.studyDate,
        AcquisitionDate: patient.studyDate,
        ContentDate: patient.studyDate,
        StudyTime: "093000",
        AccessionNumber: patient.accessionNumber,
        Modality: "DX",
        Manufacturer: patient.manufacturer,
        ManufacturerModelName: image.model,
        InstitutionName: profile.institution,
        InstitutionAddress: `${profile.site}, Republic of Korea`,
        ReferringPhysicianName: "PARK^JIHOON",
        StudyDescription: "L-SPINE LAT",
        SeriesDescription: "LUMBAR SPINE LATERAL",
        ImageComments: SYNTHETIC_COMMENT,
        PatientName: personName(patient.name.family, patient.name.given),
        PatientID: patient.hospitalId,
        PatientBirthDate: patient.birthDate,
        PatientSex: patient.female ? "F" : "M",
        PatientAge: `${String(Math.floor(patient.age)).padStart(3, "0")}Y`,
        PatientIdentityRemoved: "NO",
        BurnedInAnnotation: "NO",
        BodyPartExamined: "LSPINE",
        ViewPosition: "LL",
        PresentationIntentType: "FOR PRESENTATION",
        ImageType: ["ORIGINAL", "PRIMARY"],
        SamplesPerPixel: 1,
        PhotometricInterpretation: "MONOCHROME2",
        Rows: image.rows,
        Columns: image.columns,
        PixelSpacing: [image.spacing, image.spacing],
        ImagerPixelSpacing: [image.spacing, image.spacing],
        BitsAllocated: 16,
        BitsStored: 12,
        HighBit: 11,
        PixelRepresentation: 0,
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
