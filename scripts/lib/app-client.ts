/**
 * An HTTP client for the running app, used by the security and reliability suites: sign in
 * through next-auth, and call a server action by its id exactly as the browser does.
 */
import fs from "node:fs";

// React's own encoder for server-action arguments, as shipped inside Next.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

/** Waits until the app answers its health check (a server just started). */
export async function waitHealthy(baseUrl: string, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("The server did not become healthy");
}

export async function signInHttp(baseUrl: string, email: string, password = "springback-demo"): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const body = new URLSearchParams({ csrfToken, email, password, json: "true" });
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { cookie: cookies.join("; "), "content-type": "application/x-www-form-urlencoded" },
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`Could not sign in ${email}`);
  return session;
}

export type ActionEntry = { id: string; filename: string; exportedName: string; pages: string[] };

/** Every server action of the build (from its action manifest), with the pages that host it. */
export function discoverActions(): ActionEntry[] {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, v]) => ({
    id,
    filename: v.filename,
    exportedName: v.exportedName,
    pages: Object.keys(v.workers).filter((w) => w.endsWith("/page")),
  }));
}

export function findAction(name: string): ActionEntry {
  const action = discoverActions().find((a) => a.exportedName === name);
  if (!action) throw new Error(`No server action named ${name} in the build`);
  return action;
}

export type ActionCall = { status: number; body: string; location: string | null };

export async function callAction(
  baseUrl: string,
  action: ActionEntry,
  route: string,
  args: unknown[],
  options: { cookie?: string; headers?: Record<string, string> } = {},
): Promise<ActionCall> {
  const body = await encodeReply(args);
  const res = await fetch(`${baseUrl}${route}`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: {
      "Next-Action": action.id,
      Accept: "text/x-component",
      Origin: baseUrl,
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
  });
  return { status: res.status, body: await res.text(), location: res.headers.get("location") };
}

/** The value an action returned, from its response stream (the line that carries ok). */
export function actionResult(body: string): { ok?: boolean; error?: string; data?: unknown } | null {
  for (const line of body.split("\n")) {
    const json = line.replace(/^[0-9a-f]+:/, "");
    if (!json.includes('"ok":')) continue;
    try {
      return JSON.parse(json) as { ok?: boolean };
    } catch {
      continue;
    }
  }
  return null;
}
