import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native modules (and pdfkit, which reads its font data from its own folder) stay
  // outside the server bundle and load from node_modules.
  // fit-file-parser is also loaded by name inside the FIT decoding worker (lib/import/fit-worker.ts).
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pdfkit", "fit-file-parser", "fontkit", "exceljs"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
