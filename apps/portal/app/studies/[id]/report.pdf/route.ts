// The study's TRIPOD+AI report as a PDF: the report page printed by Chromium (lib/print-pdf.ts).
import { printToPdf, REPORT_ID } from "@/lib/print-pdf";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!REPORT_ID.test(id)) return new Response("No such study", { status: 404 });
  const model = new URL(request.url).searchParams.get("model");
  const query = model ? `?model=${encodeURIComponent(model)}` : "";
  return printToPdf(request, `/studies/${id}/report${query}`, `study-${id}-report.pdf`);
}
