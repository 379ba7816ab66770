/**
 * The check-in routes' HTTP details: the session cookie, HTML answers with the headers the
 * runner's pages need (no caching, no Referer), and reading the cookie from a request.
 */
import { CHECKIN_COOKIE } from "./token";

/** True when the app is served over https (NEXTAUTH_URL, or the request itself). */
export function isHttps(request: Request): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://") || new URL(request.url).protocol === "https:";
}

/**
 * The Set-Cookie value for a check-in session: HttpOnly, SameSite=Strict, Path=/, Secure over
 * https, living until the link expires (`maxAgeSeconds` 0 clears it).
 */
export function checkinCookie(secret: string, maxAgeSeconds: number, secure: boolean): string {
  return `${CHECKIN_COOKIE}=${secret}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}${secure ? "; Secure" : ""}`;
}

/** The check-in cookie's value on a request, or null. */
export function checkinCookieValue(request: Request): string | null {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === CHECKIN_COOKIE) return part.slice(eq + 1).trim();
  }
  return null;
}

/** An HTML answer that no browser or proxy keeps, and that sends no Referer onward. */
export function htmlResponse(html: string, status = 200, extra: Record<string, string> = {}): Response {
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", ...extra },
  });
}
