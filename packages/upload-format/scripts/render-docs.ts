import { writeFileSync } from "node:fs";
import { renderUploadFormatDoc } from "../src/render-docs.js";

writeFileSync(new URL("../../../docs/upload-format.md", import.meta.url), renderUploadFormatDoc());
console.log("wrote docs/upload-format.md");
