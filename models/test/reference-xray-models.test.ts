// xray-deepsurv and verte-x-pvf on their shared SYNTHETIC external cohort (Boramae profile, radiographs).
import { referenceModelChecks } from "./support/reference-model-checks.js";

referenceModelChecks(["xray-deepsurv", "verte-x-pvf"]);
