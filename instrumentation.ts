/** Runs once when the server starts: refuse a bad configuration, then open and migrate the database. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertProductionConfig } = await import("./lib/config");
  assertProductionConfig();
  const { getDb } = await import("./db/client");
  getDb();
}

/**
 * Every error Next catches while rendering or handling a request: one log line with the
 * stack, the request id (from scripts/server.mjs) and the route, never the request body.
 */
export async function onRequestError(err: unknown, request: { path: string; method: string; headers: Record<string, string | string[] | undefined> }, context: { routePath: string; routeType: string }) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("./lib/log");
  const id = request.headers["x-request-id"];
  // Next's own refusals of a malformed request (bad action id, body too large) carry a 4xx status.
  const status = typeof (err as { statusCode?: unknown })?.statusCode === "number" ? (err as { statusCode: number }).statusCode : 500;
  (status < 500 ? log.warn.bind(log) : log.error.bind(log))({ event: "request_error", requestId: typeof id === "string" ? id : null, method: request.method, route: context.routePath, routeType: context.routeType, err }, "request failed");
}
