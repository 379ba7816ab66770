// Before the browser tests: make sure a Chromium is available. Playwright cannot download
// its own browser on machines without internet access, so Debian's package is used. The
// export tests also read PDFs with poppler-utils (pdftotext) and render SVGs with
// librsvg2-bin (rsvg-convert): reported here when missing.
import fs from "node:fs";
import { execSync } from "node:child_process";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  if (process.getuid?.() === 0) {
    console.log("Chromium not found; installing Debian's chromium package…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core", { stdio: "inherit" });
  } else {
    console.error(`No Chromium at ${chromium}. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\nor set CHROMIUM_PATH to a Chromium binary.`);
    process.exit(1);
  }
}

for (const [tool, pkg] of [["pdftotext", "poppler-utils"], ["rsvg-convert", "librsvg2-bin"]]) {
  try {
    execSync(`command -v ${tool}`, { stdio: "ignore", shell: "/bin/sh" });
  } catch {
    if (process.getuid?.() === 0) {
      console.log(`${tool} not found; installing Debian's ${pkg} package…`);
      execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg}`, { stdio: "inherit" });
    } else {
      console.error(`No ${tool}: the export tests need it. Install it with:\n  sudo apt-get update && sudo apt-get install -y ${pkg}`);
      process.exit(1);
    }
  }
}
