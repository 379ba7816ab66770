/**
 * The one same-site rule for every redirect target: the sign-in page's `next`, next-auth's
 * `callbackUrl` (from the query or the callback cookie) and the session-expired redirect.
 * Only a path on this site is followed; `//evil.test/x`, `/\evil`, `https:evil`, control
 * characters and anything that resolves to another origin are refused (OWASP ASVS 5.0 §3.7).
 */

const PROBE_ORIGIN = "http://springback.invalid";

/**
 * The same-site path (`/…`, with query and fragment, percent-encoded so it is always a valid
 * header value) that `value` names, or null when it is not a path on this site. An absolute
 * URL is accepted only when its origin is exactly `baseUrl` (scheme, host and port).
 */
export function sameSitePath(value: unknown, baseUrl?: string): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  let candidate = value;
  if (!value.startsWith("/")) {
    if (!baseUrl) return null;
    let parsed: URL;
    let base: URL;
    try {
      parsed = new URL(value);
      base = new URL(baseUrl);
    } catch {
      return null;
    }
    if (parsed.origin !== base.origin || parsed.username || parsed.password) return null;
    candidate = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  }
  if (!candidate.startsWith("/") || candidate.startsWith("//")) return null;
  try {
    const resolved = new URL(candidate, PROBE_ORIGIN);
    if (resolved.origin !== PROBE_ORIGIN) return null;
    const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
    return path.startsWith("//") ? null : path;
  } catch {
    return null;
  }
}

/** Only same-site paths are followed after sign-in; anything else lands on the caseload. */
export function safeNextPath(next: string | null | undefined): string {
  const path = sameSitePath(next);
  if (!path) return "/";
  if (path.startsWith("/login") || path.startsWith("/api/auth")) return "/";
  return path;
}

/**
 * next-auth's `callbacks.redirect`: the same rule, answered as an absolute URL on `baseUrl`;
 * anything refused goes to the caseload (`baseUrl` itself).
 */
export function safeRedirectUrl(url: unknown, baseUrl: string): string {
  const path = sameSitePath(url, baseUrl);
  return path ? `${baseUrl}${path}` : baseUrl;
}
