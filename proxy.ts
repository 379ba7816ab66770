/**
 * Runs before every request: sets the security headers (with a fresh CSP nonce),
 * redirects signed-out visitors to sign-in, and keeps an active session alive (idle
 * timeout). It is not a security boundary: every page, route handler and server action
 * checks the session itself through the DAL.
 */
import { NextResponse, type NextRequest } from "next/server";
import { encode, getToken } from "next-auth/jwt";
import { securityHeaders } from "@/lib/security-headers";
import { isSessionEnded } from "@/lib/auth/session-end";
import { sameSitePath } from "@/lib/auth/next-path";

const PUBLIC_PREFIXES = ["/login", "/api/auth", "/api/health"];
// The runner's check-in (a link's URL and the pages behind its cookie) has no next-auth
// session: its routes check the check-in session themselves (lib/dal/checkin.ts).
const CHECKIN_PREFIXES = ["/c", "/checkin"];
const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** The site's own origin, as next-auth sees it (NEXTAUTH_URL, else the request's). */
function siteOrigin(request: NextRequest): string {
  try {
    return new URL(process.env.NEXTAUTH_URL ?? "").origin;
  } catch {
    return request.nextUrl.origin;
  }
}

/**
 * Drops callback-cookie values that are not a same-site URL before next-auth sees them:
 * next-auth refuses such a value with a configuration error on every page that reads the
 * session, so one hostile cookie would lock the user out of sign-in. Returns the names
 * dropped, to be expired in the response.
 */
function dropHostileCallbackCookies(request: NextRequest): string[] {
  const origin = siteOrigin(request);
  const dropped = CALLBACK_COOKIES.filter((name) => {
    const value = request.cookies.get(name)?.value;
    return value !== undefined && sameSitePath(value, origin) === null;
  });
  for (const name of dropped) request.cookies.delete(name);
  return dropped;
}
const REFRESH_AFTER_SECONDS = 60;

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
  // Pages and API answers here may carry patient data: never store them in any cache.
  response.headers.set("Cache-Control", "no-store, max-age=0");
  return response;
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = (process.env.NEXTAUTH_URL ?? "").startsWith("https://") || request.nextUrl.protocol === "https:";
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const headers = securityHeaders(nonce, https);
  // A callbackUrl next-auth would refuse with an error (or that leaves the site) is removed.
  const callbackParam = request.nextUrl.searchParams.get("callbackUrl");
  if (pathname.startsWith("/api/auth/") && callbackParam !== null && sameSitePath(callbackParam, siteOrigin(request)) === null) {
    const clean = request.nextUrl.clone();
    clean.searchParams.delete("callbackUrl");
    return withHeaders(NextResponse.redirect(clean), headers);
  }
  const droppedCookies = dropHostileCallbackCookies(request);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Lets the server send a user whose session it refuses back here after signing in again.
  requestHeaders.set("x-springback-path", `${pathname}${search}`);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const pass = () => {
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    for (const name of droppedCookies) response.cookies.delete(name);
    return response;
  };

  if (PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return withHeaders(pass(), headers);
  // A check-in link's token is in its URL: no page there may send a Referer (OWASP: tokens in URLs).
  if (CHECKIN_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return withHeaders(pass(), { ...headers, "Referrer-Policy": "no-referrer" });

  const secret = process.env.NEXTAUTH_SECRET;
  const secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  const decoded = secret ? await getToken({ req: request, secret, secureCookie: secure }) : null;
  // A token whose session was ended by sign-out is treated as no token: never re-issued.
  const token = decoded && !isSessionEnded(decoded.sid) ? decoded : null;
  if (!token) {
    if (pathname.startsWith("/api/")) return withHeaders(NextResponse.json({ error: "Not signed in" }, { status: 401 }), headers);
    const url = new URL("/login", request.url);
    url.search = "";
    url.searchParams.set("next", `${pathname}${search}`);
    return withHeaders(NextResponse.redirect(url), headers);
  }

  const response = withHeaders(pass(), headers);
  // Read by scripts/server.mjs for the request log line, and removed before it is sent.
  if (typeof token.uid === "string") response.headers.set("x-springback-user-id", token.uid);
  // Sliding expiry: re-issue the token while the user is active, so it lapses only when idle.
  const issuedAt = typeof token.iat === "number" ? token.iat : 0;
  if (secret && Date.now() / 1000 - issuedAt > REFRESH_AFTER_SECONDS) {
    const maxAge = Number(process.env.SESSION_IDLE_MINUTES || 30) * 60;
    const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
    const value = await encode({ token: claims, secret, maxAge });
    const name = secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
    response.cookies.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge });
  }
  return response;
}

// Watch-file uploads bypass the proxy: Next buffers (and past 10 MB cuts) a request body
// for a proxy, while the import route streams a Strava archive of hundreds of MB through
// its zip reader. The route's own door authenticates and answers no-store JSON. The pose
// model's files (public/vendor, 15 MB of public package files, no patient data) bypass it
// too, so the browser may cache them instead of fetching them again on every use.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|vendor/|api/patients/[^/]+/imports$).*)"],
};
