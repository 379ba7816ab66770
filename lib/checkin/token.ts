/**
 * Check-in link tokens and session secrets: 32 bytes (256 bits) from the operating
 * system's secure random source, written as base64url (43 characters); only their SHA-256
 * (64 hex characters) is ever stored, so a copy of the database opens no check-in page.
 * OWASP ASVS 5.0 V7.2 (session tokens: at least 128 bits of entropy from a CSPRNG) and V6.
 */
import { createHash, randomBytes } from "node:crypto";

/** The path a check-in link's URL starts with; the token follows it: `/c/<token>`. */
export const CHECKIN_LINK_PATH = "/c/";
/** The runner's pages, reached after the token was exchanged for a session cookie. */
export const CHECKIN_HOME_PATH = "/checkin";
/** The HttpOnly, SameSite=Strict cookie holding the check-in session secret. */
export const CHECKIN_COOKIE = "springback-checkin";

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new secret (link token or session secret) and the hash to store for it. */
export function newCheckinSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString("base64url");
  return { secret, hash: hashCheckinSecret(secret) };
}

/** SHA-256 of a secret, lower-case hex: the value stored and looked up. */
export function hashCheckinSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** True when the text has the shape of a secret made by `newCheckinSecret` (checked before any lookup). */
export function isCheckinSecretShape(text: unknown): text is string {
  return typeof text === "string" && TOKEN_PATTERN.test(text);
}
