import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The portal talks to the API over HTTP only; it never imports the database packages.
  poweredByHeader: false,
  // The upload client shared with the CLI and the chart specs shared with the reports: TypeScript source,
  // compiled with the portal.
  transpilePackages: ["@fracval/upload-client", "@fracval/charts", "@fracval/page-cache"],
  // Chromium prints the reports (runs/[id]/report.pdf); the driver stays a Node module, not bundled.
  serverExternalPackages: ["playwright-core"],
  // Model registration sends an ONNX file through a server action (the API takes up to 25 MB).
  // authInterrupts: forbidden() answers a page the API refuses to this user's role with 403 and app/forbidden.tsx,
  // not with the error page's 500.
  experimental: { serverActions: { bodySizeLimit: "25mb" }, authInterrupts: true },
};

export default nextConfig;
