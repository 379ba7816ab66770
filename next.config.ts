import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native modules (and pdfkit, which reads its font data from its own folder) stay
  // outside the server bundle and load from node_modules.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pdfkit"],
  poweredByHeader: false,
  typedRoutes: false,
  // A server action's arguments up to 2 MB reach the action door, which refuses what is too
  // long field by field (a 1 MB note gets its message); Next refuses bigger bodies itself.
  experimental: { serverActions: { bodySizeLimit: "2mb" } },
};

export default nextConfig;
