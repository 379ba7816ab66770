/**
 * Cross-site request refusal for server actions and JSON write routes (OWASP ASVS 5.0 §3.5).
 *
 * A state-changing request is accepted only when the browser says it came from this app:
 * `Origin` equal to the app's own origin (scheme, host and port), or, where a browser sends
 * no `Origin`, `Sec-Fetch-Site: same-origin`. The app's origin is the scheme of
 * `NEXTAUTH_URL` with the request's `Host`; `X-Forwarded-Host` and `X-Forwarded-Proto` are
 * read only when `TRUSTED_PROXY` is set (the app runs behind a proxy that sets them).
 */

/** The few request headers the check reads (a `Headers` object satisfies it). */
export type HeaderReader = { get(name: string): string | null };

/** True when `TRUSTED_PROXY` names a proxy whose forwarded headers may be believed. */
export function trustedProxyConfigured(): boolean {
  return Boolean(process.env.TRUSTED_PROXY?.trim());
}

/**
 * The app's own origin for this request, e.g. `https://clinic.example:8443`; null when the
 * request has no usable host.
 */
export function expectedOrigin(headers: HeaderReader): string | null {
  const trusted = trustedProxyConfigured();
  const host = (trusted ? firstValue(headers.get("x-forwarded-host")) : null) ?? headers.get("host");
  if (!host || !/^[A-Za-z0-9.\-:[\]]+$/.test(host)) return null;
  const forwardedProto = trusted ? firstValue(headers.get("x-forwarded-proto")) : null;
  const scheme = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : configuredScheme();
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * True when a state-changing request comes from this app's own pages: matching `Origin`
 * (scheme, host and port), or no `Origin` and `Sec-Fetch-Site: same-origin`.
 *
 * `Origin: null` is refused, except with `noReferrerPage` and `Sec-Fetch-Site: same-origin`:
 * a page served with `Referrer-Policy: no-referrer` (the runner's check-in) makes browsers
 * send `Origin: null` on its own form posts (Fetch standard, "serializing a request
 * origin"), while `Sec-Fetch-Site`, which no page can set, still says where it came from.
 */
export function isSameOriginRequest(headers: HeaderReader, options: { noReferrerPage?: boolean } = {}): boolean {
  const expected = expectedOrigin(headers);
  if (!expected) return false;
  const origin = headers.get("origin");
  if (origin === null || origin === "") return headers.get("sec-fetch-site") === "same-origin";
  if (origin === "null") return options.noReferrerPage === true && headers.get("sec-fetch-site") === "same-origin";
  try {
    return new URL(origin).origin === expected;
  } catch {
    return false;
  }
}

function configuredScheme(): "http" | "https" {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://") ? "https" : "http";
}

function firstValue(value: string | null): string | null {
  const first = value?.split(",")[0]?.trim();
  return first ? first : null;
}
