/**
 * The doors refuse cross-site requests: a server action or write route without `Origin`
 * (and without `Sec-Fetch-Site: same-origin`), or with another scheme, host or port, never
 * runs; `X-Forwarded-Host` counts only behind `TRUSTED_PROXY`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => requestHeaders.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

const { serverAction } = await import("@/lib/actions/door");
const { routeHandler } = await import("@/lib/actions/route");
const { actAs } = await import("../support/session-mock");
const { seedClinicPerFile } = await import("../support/db");

seedClinicPerFile();

let ran = 0;
const echo = serverAction({ name: "test.echo", args: z.tuple([z.string()]), run: async ([s]) => (ran++, s) });
const write = routeHandler({ name: "test.write", params: z.object({}), body: z.object({ n: z.number() }), run: async ({ body }) => (ran++, body.n) });

const HOST = "localhost:3112";
const cases: [string, Record<string, string>, boolean][] = [
  ["no Origin, no Sec-Fetch-Site", { host: HOST }, false],
  ["no Origin, Sec-Fetch-Site cross-site", { host: HOST, "sec-fetch-site": "cross-site" }, false],
  ["Origin null", { host: HOST, origin: "null" }, false],
  ["another site", { host: HOST, origin: "http://evil.test" }, false],
  ["another scheme", { host: HOST, origin: `https://${HOST}` }, false],
  ["another port", { host: HOST, origin: "http://localhost:3113" }, false],
  ["X-Forwarded-Host without a trusted proxy", { host: HOST, origin: "http://evil.test", "x-forwarded-host": "evil.test" }, false],
  ["the app's own origin", { host: HOST, origin: `http://${HOST}` }, true],
  ["no Origin but Sec-Fetch-Site same-origin", { host: HOST, "sec-fetch-site": "same-origin" }, true],
];

beforeEach(() => {
  ran = 0;
  actAs("kim@springback.test");
  vi.stubEnv("NEXTAUTH_URL", `http://${HOST}`);
  vi.stubEnv("TRUSTED_PROXY", "");
});
afterEach(() => vi.unstubAllEnvs());

describe("server actions", () => {
  it.each(cases)("%s → runs: %s", async (_name, headers, allowed) => {
    requestHeaders.current = new Headers(headers);
    const result = await echo("hello");
    expect(result.ok).toBe(allowed);
    if (!allowed) expect(result).toMatchObject({ ok: false, error: "This request came from another site and was refused." });
    expect(ran).toBe(allowed ? 1 : 0);
  });

  it("believes X-Forwarded-Host only behind TRUSTED_PROXY", async () => {
    vi.stubEnv("TRUSTED_PROXY", "10.0.0.1");
    requestHeaders.current = new Headers({ host: "10.0.0.2:3000", origin: "http://clinic.example", "x-forwarded-host": "clinic.example", "x-forwarded-proto": "http" });
    expect((await echo("hi")).ok).toBe(true);
  });
});

describe("write routes", () => {
  it.each(cases)("%s → runs: %s", async (_name, headers, allowed) => {
    const response = await write(new Request(`http://${HOST}/api/test`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ n: 1 }) }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(allowed ? 200 : 403);
    expect(ran).toBe(allowed ? 1 : 0);
  });
});

describe("what the door answers", () => {
  const refuse = serverAction({
    name: "test.refuse",
    args: z.tuple([z.instanceof(FormData)]),
    run: async () => {
      const { DomainRuleError } = await import("@/lib/dal/errors");
      throw new DomainRuleError("An account with this email already exists.", "email");
    },
  });
  const noPathRoute = routeHandler({ name: "test.read", params: z.object({}), run: async () => "read" });

  it("a refused save sends back what was typed (never a password), so the form keeps it", async () => {
    requestHeaders.current = new Headers({ host: HOST, origin: `http://${HOST}` });
    const form = new FormData();
    form.set("name", "Robin Hale");
    form.set("email", "kim@springback.test");
    form.set("password", "typed secret");
    const result = await refuse(form);
    expect(result).toMatchObject({ ok: false, fieldErrors: { email: "An account with this email already exists." }, values: { name: "Robin Hale", email: "kim@springback.test" } });
    expect(JSON.stringify(result)).not.toContain("typed secret");
  });

  it("a route without dynamic segments (no params object) is answered", async () => {
    const res = await noPathRoute(new Request(`http://${HOST}/api/x`), undefined as unknown as { params: Promise<unknown> });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, data: "read" });
  });
});
