import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { checkCredentials } from "./credentials";
import { clientIp } from "../http/client-ip";
import { getConfig } from "../config";
import { safeRedirectUrl } from "./next-path";
import { endSession, newSessionId } from "./session-end";

export const SESSION_COOKIE_SECURE = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

export function buildAuthOptions(): NextAuthOptions {
  const config = getConfig();
  return {
    secret: config.NEXTAUTH_SECRET,
    // The token lives as long as the idle timeout; proxy.ts re-issues it while the user is active.
    session: { strategy: "jwt", maxAge: config.SESSION_IDLE_MINUTES * 60 },
    jwt: { maxAge: config.SESSION_IDLE_MINUTES * 60 },
    pages: { signIn: "/login", error: "/login" },
    useSecureCookies: SESSION_COOKIE_SECURE,
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const user = await checkCredentials(credentials?.email, credentials?.password, clientIp(req?.headers));
          if (!user) return null;
          return { id: user.id, name: user.name, email: user.email, clinicId: user.clinicId, role: user.role, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    events: {
      // Ends this session on the server: a copy of the cookie is refused from now on.
      signOut({ token }) {
        endSession(token);
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.cid = user.clinicId;
          token.role = user.role;
          token.sv = user.sessionVersion;
          token.authTime = Math.floor(Date.now() / 1000);
          token.sid = newSessionId();
        }
        return token;
      },
      session({ session, token }) {
        session.claims = { uid: token.uid ?? "", cid: token.cid ?? "", role: token.role ?? "therapist", sv: token.sv ?? -1, authTime: token.authTime ?? 0, sid: token.sid ?? "" };
        return session;
      },
      // The same same-site rule as the sign-in page's `next`; it also runs on the value of
      // the callback cookie, so a hostile cookie becomes the caseload, never an error.
      redirect({ url, baseUrl }) {
        return safeRedirectUrl(url, baseUrl);
      },
    },
  };
}
