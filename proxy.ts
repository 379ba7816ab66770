/**
 * Redirects signed-out visitors to sign-in and keeps an active session alive (idle
 * timeout). It is not a security boundary: every page, route handler and server action
 * checks the session itself through the DAL.
 */
import { NextResponse, type NextRequest } from "next/server";
import { encode, getToken } from "next-auth/jwt";

const PUBLIC_PREFIXES = ["/login", "/api/auth", "/api/health"];
const REFRESH_AFTER_SECONDS = 60;

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();

  const secret = process.env.NEXTAUTH_SECRET;
  const secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  const token = secret ? await getToken({ req: request, secret, secureCookie: secure }) : null;
  if (!token) {
    if (pathname.startsWith("/api/")) return NextResponse.json({ error: "Not signed in" }, { status: 401 });
    const url = new URL("/login", request.url);
    url.search = "";
    url.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(url);
  }

  const response = NextResponse.next();
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

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
