// A portal page printed to PDF by Chromium (Debian's chromium, or CHROMIUM_PATH) under the visitor's own
// session, so the PDF shows exactly what the page shows them. A header on every page repeats the SYNTHETIC
// flag when the page carries one (data-testid="synthetic-banner").
import "server-only";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function printToPdf(request: Request, path: string, fileName: string): Promise<Response> {
  const cookie = request.headers.get("cookie") ?? "";
  const origin = new URL(request.url).origin;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
  });
  try {
    const context = await browser.newContext({ extraHTTPHeaders: { cookie } });
    const page = await context.newPage();
    const response = await page.goto(`${origin}${path}`, { waitUntil: "networkidle" });
    if (response?.status() !== 200)
      return new Response("The report could not be rendered for you.", { status: response?.status() ?? 502 });
    const synthetic = (await page.getByTestId("synthetic-banner").count()) > 0;
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      margin: { top: "18mm", bottom: "16mm", left: "12mm", right: "12mm" },
      displayHeaderFooter: true,
      headerTemplate: synthetic
        ? '<div style="font-size:8px;width:100%;text-align:center;color:#b91c1c">SYNTHETIC DATA — not real patients</div>'
        : "<div></div>",
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center">FracVal · <span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
    return new Response(new Uint8Array(pdf), {
      headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${fileName}"` },
    });
  } finally {
    await browser.close();
  }
}

export const REPORT_ID = /^[A-Za-z0-9_-]{1,64}$/;
