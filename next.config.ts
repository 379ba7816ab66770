import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native modules (and pdfkit, which reads its font data from its own folder) stay
  // outside the server bundle and load from node_modules.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pdfkit"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
