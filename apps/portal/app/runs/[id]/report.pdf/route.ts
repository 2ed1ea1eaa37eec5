// The run's TRIPOD+AI report as a PDF: the report page printed by Chromium (lib/print-pdf.ts).
import { printToPdf, REPORT_ID } from "@/lib/print-pdf";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!REPORT_ID.test(id)) return new Response("No such run", { status: 404 });
  return printToPdf(request, `/runs/${id}/report`, `run-${id}-report.pdf`);
}
