// The study's TRIPOD+AI report as a PDF: the report page printed by Chromium (lib/print-pdf.ts).
import { printToPdf, REPORT_ID } from "@/lib/print-pdf";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!REPORT_ID.test(id)) return new Response("No such study", { status: 404 });
  // The report's own choices (model, designated datasets, the drafts preview), nothing else.
  const given = new URL(request.url).searchParams;
  const kept = new URLSearchParams();
  for (const [key, value] of given) if (["model", "dataset", "drafts"].includes(key)) kept.append(key, value);
  const query = kept.size > 0 ? `?${kept}` : "";
  return printToPdf(request, `/studies/${id}/report${query}`, `study-${id}-report.pdf`);
}
