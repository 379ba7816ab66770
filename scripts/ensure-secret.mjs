// Writes a random NEXTAUTH_SECRET to .env.local when none is configured, so the demo
// starts on a fresh clone. Production deployments set their own secret.
import fs from "node:fs";
import crypto from "node:crypto";

const file = ".env.local";
const existing = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
if (process.env.NEXTAUTH_SECRET || /^NEXTAUTH_SECRET=.+/m.test(existing)) {
  console.log("NEXTAUTH_SECRET is set.");
} else {
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.appendFileSync(file, `${existing && !existing.endsWith("\n") ? "\n" : ""}NEXTAUTH_SECRET=${secret}\n`, { mode: 0o600 });
  console.log("Wrote a new NEXTAUTH_SECRET to .env.local.");
}
