// First step of `npm test`: make sure the tools the tests use are here. Playwright cannot
// download its own browser on machines without internet access, so Debian's Chromium is
// used. The export tests read PDFs with poppler-utils (pdftotext) and render SVGs with
// librsvg2-bin (rsvg-convert); the gait-video browser test encodes its clip with ffmpeg.
// Installed when run as root, otherwise the exact command is printed.
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

for (const [tool, pkg] of [["pdftotext", "poppler-utils"], ["rsvg-convert", "librsvg2-bin"], ["ffmpeg", "ffmpeg"]]) {
  try {
    execSync(`command -v ${tool}`, { stdio: "ignore", shell: "/bin/sh" });
  } catch {
    if (process.getuid?.() === 0) {
      console.log(`${tool} not found; installing Debian's ${pkg} package…`);
      execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg}`, { stdio: "inherit" });
    } else {
      console.error(`No ${tool}: the tests need it. Install it with:\n  sudo apt-get update && sudo apt-get install -y ${pkg}`);
      process.exit(1);
    }
  }
}
