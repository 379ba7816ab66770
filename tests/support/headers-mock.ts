/**
 * Stands in for next/headers in integration tests that call server actions through the
 * door: the request looks like one from the app's own page (same Origin as Host).
 * Use: vi.mock("next/headers", () => import("../support/headers-mock")).
 */
export async function headers(): Promise<Headers> {
  return new Headers({ host: "localhost:3000", origin: "http://localhost:3000" });
}

export async function cookies(): Promise<{ get: () => undefined }> {
  return { get: () => undefined };
}
