import { isIP } from "node:net";

/** The header the production server (scripts/server.mjs) writes with the client's address. */
export const CLIENT_IP_HEADER = "x-springback-client-ip";

/**
 * The client address the production server (scripts/server.mjs) wrote for this request:
 * the socket's peer, or the trusted hop's `X-Forwarded-For` entry behind `TRUSTED_PROXY`
 * (scripts/lib/client-address.mjs). A client cannot set it: the server replaces any value.
 * Null under `next dev` or when the value is not an IP address. Accepts a `Headers` object
 * or next-auth's plain header record.
 */
export function clientIp(headers: { get(name: string): string | null } | Record<string, unknown> | undefined): string | null {
  const value = headers === undefined ? undefined : typeof headers.get === "function" ? (headers as { get(name: string): string | null }).get(CLIENT_IP_HEADER) : (headers as Record<string, unknown>)[CLIENT_IP_HEADER];
  return typeof value === "string" && isIP(value) ? value : null;
}
