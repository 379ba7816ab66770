/**
 * Sign-out that ends the session on the server. A session token carries a session id
 * (`sid`, fixed at sign-in and kept when proxy.ts re-issues the token); "Sign out" records
 * that id as ended, and every later request bearing it, including a copy of the cookie
 * taken before sign-out, is refused and never re-issued. Rows are kept only until the
 * session's absolute lifetime would have ended it anyway.
 */
import "server-only";
import { getDb } from "@/db/client";
import { prepared } from "@/db/statements";
import { getConfig } from "../config";
import { writeAudit } from "../dal/audit";
import { log } from "../log";

/** The claims sign-out needs (a decoded next-auth JWT satisfies it). */
export type EndableSession = { sid?: unknown; uid?: unknown; cid?: unknown; authTime?: unknown };

/** A fresh random session id for a new sign-in. */
export function newSessionId(): string {
  return crypto.randomUUID();
}

/**
 * Ends the session named by `claims.sid`: records it (once) and audits `auth.sign_out`
 * against the user, in one transaction; purges rows of sessions past their lifetime.
 * Does nothing for a token without a session id or one already ended.
 */
export function endSession(claims: EndableSession | null | undefined, now = new Date()): boolean {
  if (!claims || typeof claims.sid !== "string" || typeof claims.uid !== "string") return false;
  const sid = claims.sid;
  const userId = claims.uid;
  const authTime = typeof claims.authTime === "number" ? claims.authTime : now.getTime() / 1000;
  const expiresAt = new Date((authTime + getConfig().SESSION_MAX_HOURS * 3600) * 1000).toISOString();
  const db = getDb();
  const ended = db.$client.transaction(() => {
    prepared(db, "delete from ended_sessions where expires_at < ?").run(now.toISOString());
    const { changes } = prepared(db, "insert or ignore into ended_sessions (sid, user_id, expires_at) values (?, ?, ?)").run(sid, userId, expiresAt);
    if (changes === 0) return false;
    writeAudit(db, { clinicId: typeof claims.cid === "string" ? claims.cid : null, userId, action: "auth.sign_out", entityType: "user", entityId: userId });
    return true;
  })();
  if (ended) log.info({ event: "auth.sign_out", userId }, "session ended by sign-out");
  return ended;
}

/** True when the session id was ended by sign-out (or is missing: tokens from before session ids). */
export function isSessionEnded(sid: unknown): boolean {
  if (typeof sid !== "string" || sid.length === 0) return true;
  return prepared(getDb(), "select 1 from ended_sessions where sid = ?").get(sid) !== undefined;
}
