/**
 * The client's network address for throttling and the audit trail. Plain JavaScript so the
 * production server (scripts/server.mjs) uses it without a build step; typed by
 * client-address.d.mts.
 *
 * Without `TRUSTED_PROXY` the address is the socket's peer: `X-Forwarded-For` is ignored,
 * because any client can write it. With `TRUSTED_PROXY` set, the app runs behind a proxy
 * that appends the address it saw; the last `X-Forwarded-For` entry (the trusted hop's)
 * is used, and only when it is a well-formed IP address (`node:net` isIP). When
 * `TRUSTED_PROXY` is itself an IP address, forwarded values are believed only on
 * connections from that address.
 */
import { isIP } from "node:net";

/** `::ffff:127.0.0.1` → `127.0.0.1`; anything that is not an IP address → null. */
export function normaliseAddress(value) {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  const address = v4mapped ? v4mapped[1] : trimmed;
  return isIP(address) ? address.toLowerCase() : null;
}

/**
 * The client address for a request arriving on `socketAddress` with the given
 * `X-Forwarded-For` value (string, list or undefined) and `TRUSTED_PROXY` setting.
 * Returns a well-formed IP address or null; never a forged or malformed value.
 */
export function clientAddress(socketAddress, forwardedFor, trustedProxy) {
  const socket = normaliseAddress(socketAddress);
  const proxy = typeof trustedProxy === "string" ? trustedProxy.trim() : "";
  if (!proxy) return socket;
  const proxyAddress = normaliseAddress(proxy);
  if (proxyAddress && proxyAddress !== socket) return socket;
  const joined = Array.isArray(forwardedFor) ? forwardedFor.join(",") : typeof forwardedFor === "string" ? forwardedFor : "";
  const hops = joined.split(",").map((h) => h.trim()).filter(Boolean);
  const last = hops.length > 0 ? normaliseAddress(hops[hops.length - 1]) : null;
  return last ?? socket;
}
