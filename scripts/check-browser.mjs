// Before the browser tests: make sure a Chromium is available. Playwright cannot download
// its own browser on machines without internet access, so Debian's package is used.
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
