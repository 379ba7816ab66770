/** `::ffff:127.0.0.1` → `127.0.0.1`; anything that is not an IP address → null. */
export function normaliseAddress(value: unknown): string | null;
/** The client address: the socket's, or the trusted hop's `X-Forwarded-For` entry behind `TRUSTED_PROXY`. */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedProxy: string | undefined): string | null;
