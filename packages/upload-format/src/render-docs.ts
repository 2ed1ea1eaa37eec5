// Renders docs/upload-format.md from the column definitions, so the published format and the one
// ingestion enforces cannot drift apart (a test compares the committed file with this output).
import {
  CENTRE_COLUMNS,
  CT_CENTRE_COLUMNS,
  DATA_SOURCE_COLUMN,
  MANIFEST_COLUMNS,
  TRUTH_PREFIX,
  type ManifestColumn,
} from "./manifest-columns.js";

const TYPE: Record<ManifestColumn["type"], string> = {
  string: "text",
  integer: "whole number",
  number: "number",
  boolean: "0 or 1",
  sex: "F or M",
  path: "relative path",
};

function table(columns: readonly ManifestColumn[]): string {
  const rows = columns.map((c) => {
    const range = c.min !== undefined || c.max !== undefined ? `${c.min ?? ""} … ${c.max ?? ""}` : "";
    return `| \`${c.name}\` | ${TYPE[c.type]} | ${c.unit ?? ""} | ${range} | ${c.required ? "yes" : ""} | ${c.description} |`;
  });
  return ["| column | type | unit | range | required | meaning |", "|---|---|---|---|---|---|", ...rows].join("\n");
}

export function renderUploadFormatDoc(): string {
  return `# Upload format

<!-- Generated from packages/upload-format (npm run docs -w @fracval/upload-format); do not edit. -->

A validation dataset is a folder:

\`\`\`
manifest.csv          one row per patient (UTF-8, comma-separated; a BOM, ";" or tab delimiters and quoted fields are accepted)
images/…              DICOM Part 10 files: one file per lateral radiograph, one folder per CT series
\`\`\`

Upload it with \`npx fracval upload --api URL --key KEY --study ID DIR\`, which sends every
file over resumable uploads (tus) with its sha256 and then asks FracVal to validate it. Validation
reports every problem as **row, column, value, reason**; a dataset with any problem is rejected as a
whole and nothing of it is stored.

## Columns of manifest.csv

${table(MANIFEST_COLUMNS)}

Rules across columns: \`event_days\` is required when \`incident_vertebral_fracture = 1\`, must be empty
when it is 0, and may not exceed \`followup_days\`; \`death_days\` may not exceed \`followup_days\` nor come
before \`event_days\`; \`patient_id\` must be unique, and so must \`image_path\` (each patient needs an
image of their own: two rows naming one file or series folder are refused); text cells that start
like a spreadsheet formula (\`=\`, \`+\`, \`-\`, \`@\`) are refused. **FRAX columns are percentages**
(0–100), as the FRAX tool reports them; FracVal stores them as fractions.

A value that is not known is an empty cell, or \`NA\` as R's \`write.csv\` writes it (read the same).
A 0-or-1 column also takes logicals as R and pandas write them: \`TRUE\`/\`FALSE\`, \`True\`/\`False\`.
An optional column may also be left out of the header. Missing FRAX or clinical values do not exclude a
patient: the model is validated on every patient, and FRAX and each clinical baseline on the patients that
have them, with that number stated on each result. A required column (marked *yes*) may not be empty or NA.

Outcomes are the columns a registry export has: \`followup_days\` is the end of observation and
\`event_days\` the day of the fracture, which may lie well inside follow-up. Every analysis uses
\`event_days\` as the time of a patient with a fracture and \`followup_days\` (censored) for everyone else.
When the manifest gives \`death_days\`, a death before any fracture is a competing event (it ends follow-up
without a fracture), and runs on the dataset are analysed under competing risks (Aalen-Johansen observed
risks, cause-specific AUC(t)); without it, deaths count as censoring and the results say so.

Lateral radiographs may give vertebral body centres (pixels) for keypoint-free cropping:

${table(CENTRE_COLUMNS)}

CT studies may give the vertebral body centre in the axial slices:

${table(CT_CENTRE_COLUMNS)}

Your own precomputed scores ("bring your own predictions", e.g. \`GpVF\`) are extra numeric columns
declared by name when the dataset is created. Columns starting with \`${TRUTH_PREFIX}\` and \`${DATA_SOURCE_COLUMN}\`
(written by the synthetic generator) are ignored; any other unknown column is refused.

## Images

- Radiographs: modality DX or CR, body part a spine, uncompressed or JPEG baseline.
- CT: modality CT, one folder per series, at least 14 slices covering T12–L4.
- Every file is de-identified before storage (DICOM PS3.15 Basic Application Level Confidentiality
  Profile, dates shifted per patient, UIDs replaced); patient IDs become a keyed per-site pseudonym.

## Provenance: recomputing what the platform recorded

Every stored metric records \`datasetSha256\`, the SHA-256 of \`manifest.csv\` exactly as uploaded (bytes,
BOM and line endings included), so a site checks which file a result came from with
\`sha256sum manifest.csv\` (or \`Get-FileHash manifest.csv\` on Windows). Beside it: \`modelSha256\` (the
model's ONNX file, as in its card), \`codeVersion\` (\`git:<commit>\`, or \`fracval@<version>+<source hash>\` outside a
checkout), \`statsVersion\`, \`onnxruntimeVersion\`, \`executionProvider\` and the run's \`seed\`. The predictions
export (\`/exports/runs/<id>/predictions.csv\`, your own site only) has \`manifest_row\`: the data row of
your manifest each prediction belongs to (1 = the first row after the header), so you can join results to
your records without FracVal ever storing your patient IDs.

## Example

\`npx fracval synth --site Severance --n 20 --seed 1 --modality xray --out example\` writes an example folder.
`;
}
