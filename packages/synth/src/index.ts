export { generateCohort, VERTEBRAE, HAZARD, WEIBULL_SHAPE, type SyntheticPatient, type Deformity, type Vertebra, type CohortOptions } from "./cohort.js";
export { fraxLikeProbabilities, type FraxInputs } from "./frax-surrogate.js";
export { loadProfiles, findProfile, SiteProfile, BUILTIN_PROFILE_DIR } from "./profile.js";
export { Random } from "./random.js";
export { writeDataset, GENERATOR_VERSION, type SynthModality, type WriteDatasetOptions } from "./write-dataset.js";
export { manifestHeader, manifestRow, TRUTH_COLUMNS, type ImageRef } from "./manifest-rows.js";
