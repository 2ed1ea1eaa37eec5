import { readFileSync } from "node:fs";
import { join } from "node:path";
import { marked } from "marked";
import Link from "next/link";

export const metadata = { title: "Upload format · FracVal" };

/**
 * The upload format as a document: docs/upload-format.md (rendered from the column definitions ingestion
 * enforces; a test keeps it so) turned into headings, paragraphs and tables here, where an investigator
 * reads it beside the upload form. Shown as raw Markdown before, its tables were rows of pipes.
 */
export default async function UploadFormatPage() {
  const markdown = readFileSync(join(process.cwd(), "..", "..", "docs", "upload-format.md"), "utf8");
  const html = await marked.parse(markdown.replace(/<!--[\s\S]*?-->\n*/g, ""), { gfm: true });
  return (
    <section>
      <Link href="/upload" className="text-sm text-indigo-700">
        ← Upload
      </Link>
      <article
        className="doc mt-3 max-w-full rounded-lg border border-slate-200 bg-white p-4 text-sm"
        data-testid="upload-format"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: our own document from the repository, no user input
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </section>
  );
}
