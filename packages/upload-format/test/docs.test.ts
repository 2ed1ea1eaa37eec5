import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { renderUploadFormatDoc } from "../src/render-docs.js";
import { MANIFEST_COLUMNS } from "../src/index.js";

describe("docs/upload-format.md", () => {
  it("is the rendering of the column definitions ingestion enforces (npm run docs -w @fracval/upload-format)", () => {
    expect(readFileSync(new URL("../../../docs/upload-format.md", import.meta.url), "utf8")).toBe(
      renderUploadFormatDoc(),
    );
  });
  it("documents every column", () => {
    const doc = renderUploadFormatDoc();
    for (const c of MANIFEST_COLUMNS) expect(doc).toContain(`\`${c.name}\``);
  });
});
