/**
 * The runner's check-in page (GET) and its saves (POST), reached with the check-in session
 * cookie only (never a next-auth session). Server-rendered HTML with one small script, so
 * a phone loads a few kilobytes instead of the app's React runtime. POST takes the page's
 * forms (urlencoded: 303 back to the page, or the page again with the messages and what was
 * typed) or the offline queue's JSON (`{ type, entryId, ...fields }`: JSON answer). Writes
 * must come from this site (lib/http/origin.ts). See docs/checkin.md.
 */
import { checkinPageData, resolveCheckinSession, saveCheckinDay, saveCheckinMorning, saveCheckinRun, type CheckinSaveResult, type CheckinSession } from "@/lib/dal/checkin";
import { checkinCookie, checkinCookieValue, htmlResponse, isHttps } from "@/lib/checkin/http";
import { renderCheckinPage, renderRefusalPage, type FormEcho } from "@/lib/checkin/page";
import { CHECKIN_HOME_PATH } from "@/lib/checkin/token";
import { clientIp } from "@/lib/http/client-ip";
import { isSameOriginRequest } from "@/lib/http/origin";
import { log, newRequestId } from "@/lib/log";

export const dynamic = "force-dynamic";

const SAVES = { day: saveCheckinDay, run: saveCheckinRun, morning: saveCheckinMorning } as const;
type SaveType = keyof typeof SAVES;

/** The largest body a save may have: a day with a 1,000-character note is under 3 kB. */
const MAX_BODY_BYTES = 16_384;

const noStore = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

function json(body: unknown, status: number): Response {
  return Response.json(body, { status, headers: noStore });
}

/** The session behind the request's cookie, or the refusal answer (HTML or JSON). */
function session(request: Request, asJson: boolean): { session: CheckinSession } | { refusal: Response } {
  const nonce = request.headers.get("x-nonce") ?? "";
  const cookie = checkinCookieValue(request);
  const out = cookie === null ? ({ ok: false, reason: "unknown" } as const) : resolveCheckinSession(cookie, clientIp(request.headers));
  if (out.ok) return { session: out.session };
  const status = out.reason === "throttled" ? 429 : 403;
  const clear: Record<string, string> = cookie === null ? {} : { "Set-Cookie": checkinCookie("", 0, isHttps(request)) };
  if (asJson) return { refusal: Response.json({ ok: false, error: "This link is not valid any more; ask your therapist for a new one." }, { status, headers: { ...noStore, ...clear } }) };
  return { refusal: htmlResponse(renderRefusalPage(nonce, out.reason === "throttled"), status, clear) };
}

export async function GET(request: Request): Promise<Response> {
  const found = session(request, false);
  if ("refusal" in found) return found.refusal;
  const saved = new URL(request.url).searchParams.get("saved");
  const data = checkinPageData(found.session, clientIp(request.headers));
  return htmlResponse(renderCheckinPage(data, { nonce: request.headers.get("x-nonce") ?? "", saved, echo: null }));
}

async function readBody(request: Request, asJson: boolean): Promise<Record<string, unknown> | null> {
  try {
    if (asJson) {
      const body: unknown = await request.json();
      return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
    }
    const form = await request.formData();
    const out: Record<string, unknown> = {};
    for (const [key, value] of form.entries()) if (typeof value === "string") out[key] = value;
    return out;
  } catch {
    return null;
  }
}

export async function POST(request: Request): Promise<Response> {
  const requestId = newRequestId(request.headers);
  const asJson = (request.headers.get("content-type") ?? "").includes("application/json");
  // The page is served with no Referer policy, so its own form posts carry `Origin: null` (see isSameOriginRequest).
  if (!isSameOriginRequest(request.headers, { noReferrerPage: true })) {
    log.warn({ requestId, route: "checkin.save", event: "cross_site_refused" }, "cross-site request refused");
    return asJson ? json({ ok: false, error: "This request came from another site and was refused." }, 403) : htmlResponse("Refused.", 403);
  }
  const found = session(request, asJson);
  if ("refusal" in found) return found.refusal;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return asJson ? json({ ok: false, error: "This entry is too long." }, 413) : htmlResponse("This entry is too long.", 413);
  const body = await readBody(request, asJson);
  const type = body?.type;
  if (!body || typeof type !== "string" || !Object.hasOwn(SAVES, type)) return asJson ? json({ ok: false, error: "The request could not be read." }, 400) : htmlResponse("The request could not be read.", 400);
  let result: CheckinSaveResult;
  try {
    result = SAVES[type as SaveType](found.session, body, clientIp(request.headers));
  } catch (err) {
    log.error({ requestId, route: "checkin.save", err }, "check-in save failed");
    return asJson ? json({ ok: false, error: "Something went wrong. Your entry is kept; try again later." }, 500) : htmlResponse("Something went wrong. Go back and try again.", 500);
  }
  if (asJson) return json(result, result.ok ? 200 : 400);
  if (result.ok) return new Response(null, { status: 303, headers: { Location: `${CHECKIN_HOME_PATH}?saved=${type}`, ...noStore } });
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === "string" && key !== "entryId") values[key] = value;
  const echo: FormEcho = { form: type as SaveType, values, errors: result.fieldErrors, error: result.error };
  const data = checkinPageData(found.session, clientIp(request.headers));
  return htmlResponse(renderCheckinPage(data, { nonce: request.headers.get("x-nonce") ?? "", saved: null, echo }), 400);
}
