import { readFileSync } from "node:fs";
import { join } from "node:path";
import Link from "next/link";

export const metadata = { title: "Upload format · FracVal" };

// docs/upload-format.md is rendered from the column definitions ingestion enforces (a test keeps it so);
// shown here as it is, beside the upload form.
export default function UploadFormatPage() {
  const text = readFileSync(join(process.cwd(), "..", "..", "docs", "upload-format.md"), "utf8");
  return (
    <section>
      <Link href="/upload" className="text-sm text-indigo-700">
        ← Upload
      </Link>
      <pre
        className="mt-3 whitespace-pre-wrap rounded-lg border border-slate-200 bg-white p-4 text-xs"
        data-testid="upload-format"
      >
        {text}
      </pre>
    </section>
  );
}
