/**
 * A check-in link's URL, `/c/<token>`: exchanges the token for a check-in session cookie and
 * sends the browser on to /checkin (a URL without the token), so the token leaves the
 * address bar, history and any Referer after the first visit. A bad, revoked or expired
 * token gets a plain refusal page. See docs/checkin.md.
 */
import { exchangeCheckinToken } from "@/lib/dal/checkin";
import { checkinCookie, htmlResponse, isHttps } from "@/lib/checkin/http";
import { renderRefusalPage } from "@/lib/checkin/page";
import { CHECKIN_HOME_PATH } from "@/lib/checkin/token";
import { clientIp } from "@/lib/http/client-ip";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await context.params;
  const out = exchangeCheckinToken(token, clientIp(request.headers));
  if (!out.ok) return htmlResponse(renderRefusalPage(request.headers.get("x-nonce") ?? "", out.reason === "throttled"), out.reason === "throttled" ? 429 : 404);
  const maxAge = (Date.parse(out.expiresAt) - Date.now()) / 1000;
  return new Response(null, {
    status: 303,
    headers: { Location: CHECKIN_HOME_PATH, "Set-Cookie": checkinCookie(out.secret, maxAge, isHttps(request)), "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
}
