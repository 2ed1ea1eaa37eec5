import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The portal talks to the API over HTTP only; it never imports the database packages.
  poweredByHeader: false,
  // The upload client shared with the CLI: TypeScript source, compiled with the portal.
  transpilePackages: ["@fracval/upload-client"],
};

export default nextConfig;
