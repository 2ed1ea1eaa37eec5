export {
  generateCohort,
  VERTEBRAE,
  HAZARD,
  WEIBULL_SHAPE,
  type SyntheticPatient,
  type Deformity,
  type Vertebra,
  type CohortOptions,
} from "./cohort.js";
export { fraxLikeProbabilities, type FraxInputs } from "./frax-surrogate.js";
export { loadProfiles, findProfile, SiteProfile, BUILTIN_PROFILE_DIR } from "./profile.js";
export type { SiteProfile as SiteProfileType } from "./profile.js";
export { Random } from "./random.js";
export { writeDataset, GENERATOR_VERSION, type SynthModality, type WriteDatasetOptions } from "./write-dataset.js";
export { manifestHeader, manifestRow, TRUTH_COLUMNS, type ImageRef } from "./manifest-rows.js";
export { renderLateralSpine, devicePreset, type Radiograph } from "./xray.js";
export { xrayWriter } from "./xray-dicom.js";
export { writeDicom, uidFor, SOP_CLASS, SYNTHETIC_COMMENT } from "./dicom-writer.js";
export { renderAbdominalCt, CT_LEVELS, CT_MATRIX, CT_SLICE_MM, type CtSeries } from "./ct.js";
export { ctWriter, HU_INTERCEPT } from "./ct-dicom.js";
