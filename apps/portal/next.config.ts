import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The portal talks to the API over HTTP only; it never imports the database packages.
  poweredByHeader: false,
};

export default nextConfig;
