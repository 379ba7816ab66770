import "server-only";
import { z } from "zod";
import { NextResponse } from "next/server";
import { unstable_rethrow } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { isSameOriginRequest } from "@/lib/http/origin";
import { log, newRequestId } from "@/lib/log";
import { recordRefusal } from "@/lib/dal/prepared";
import { expectedFailure, UNEXPECTED_MESSAGE } from "./errors";
import { fieldErrorsFrom } from "./result";

/**
 * The one door for every JSON and file route handler (the twin of `serverAction`):
 * authenticated (401 as JSON, never a redirect), path params, query and JSON body each
 * parsed by a zod schema (400 with field messages), writes refused from another site (403),
 * the DAL called (it authorises and audits), expected errors through the one table in
 * `./errors`, anything else logged with the request id and answered 500 generically.
 * `run` returns a `Response` (a file) or data sent as `{ ok: true, data }`.
 *
 * Usage, in a route.ts:
 *   export const GET = routeHandler({
 *     name: "export.pdf",
 *     params: z.object({ patientId: idArg }),
 *     query: z.object({ size: z.enum(["a4", "letter"]).default("a4") }),
 *     run: async ({ params, query }) => pdfResponse(params.patientId, query.size),
 *   });
 */
export type RouteContext = { user: SessionUser; requestId: string; request: Request };

export type RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, T> = {
  name: string;
  params: P;
  query?: Q;
  /** A JSON body schema: makes the route a write (same-origin required). */
  body?: B;
  run: (input: { params: z.output<P>; query: z.output<Q>; body: z.output<B> }, ctx: RouteContext) => Promise<T | Response>;
};

export function routeHandler<P extends z.ZodType, Q extends z.ZodType = z.ZodObject<Record<never, z.ZodType>>, B extends z.ZodType = z.ZodUndefined, T = unknown>(
  spec: RouteSpec<P, Q, B, T>,
): (request: Request, context: { params: Promise<unknown> }) => Promise<Response> {
  return async (request, context) => {
    const requestId = newRequestId(request.headers);
    const answer = (body: unknown, status: number) => json(body, status, requestId);
    try {
      const write = request.method !== "GET" && request.method !== "HEAD";
      if (write && !isSameOriginRequest(request.headers)) {
        log.warn({ requestId, route: spec.name, event: "cross_site_refused" }, "cross-site request refused");
        return answer({ ok: false, error: "This request came from another site and was refused." }, 403);
      }
      const user = await getCurrentUser();
      if (!user) return answer({ ok: false, error: "Your session has ended. Sign in again." }, 401);
      if (user.mustChangePassword) return answer({ ok: false, error: "Change your one-time password first." }, 403);
      // A route without dynamic segments gets no params object.
      const params = spec.params.safeParse((await context?.params) ?? {});
      if (!params.success) return answer({ ok: false, error: "Not found: it may have been removed, or it is not on your caseload." }, 404);
      const url = new URL(request.url);
      const query = (spec.query ?? z.object({})).safeParse(Object.fromEntries(url.searchParams));
      if (!query.success) return answer({ ok: false, error: "This request's options could not be read.", fieldErrors: fieldErrorsFrom(query.error) }, 400);
      let body: unknown = undefined;
      if (spec.body) {
        let raw: unknown;
        try {
          raw = await request.json();
        } catch {
          return answer({ ok: false, error: "The request could not be read." }, 400);
        }
        const parsed = spec.body.safeParse(raw);
        if (!parsed.success) return answer({ ok: false, error: "Please correct the highlighted fields.", fieldErrors: fieldErrorsFrom(parsed.error) }, 400);
        body = parsed.data;
      }
      const out = await spec.run(
        { params: params.data, query: query.data as z.output<Q>, body: body as z.output<B> },
        { user, requestId, request },
      );
      if (out instanceof Response) {
        out.headers.set("X-Request-Id", requestId);
        return out;
      }
      return answer({ ok: true, data: out }, 200);
    } catch (err) {
      unstable_rethrow(err);
      recordRefusal(err);
      const expected = expectedFailure(err);
      if (expected) return answer(expected.result, expected.status);
      log.error({ requestId, route: spec.name, err }, "route handler failed");
      return answer({ ok: false, error: UNEXPECTED_MESSAGE }, 500);
    }
  };
}

/** JSON with no caching (patient data must never be stored by a browser or proxy). */
export function json(body: unknown, status = 200, requestId?: string): Response {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (requestId) headers["X-Request-Id"] = requestId;
  return NextResponse.json(body, { status, headers });
}
