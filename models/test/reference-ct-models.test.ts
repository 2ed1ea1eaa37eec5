// ct-bone-muscle and ct-bone-only on their shared SYNTHETIC external cohort (Boramae profile, CT series).
import { referenceModelChecks } from "./support/reference-model-checks.js";

referenceModelChecks(["ct-bone-muscle", "ct-bone-only"]);
