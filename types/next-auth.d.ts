import type { TokenClaims } from "@/lib/auth/types";

declare module "next-auth" {
  interface Session {
    claims: TokenClaims;
  }
  interface User {
    clinicId: string;
    role: TokenClaims["role"];
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: TokenClaims["uid"];
    cid?: TokenClaims["cid"];
    role?: TokenClaims["role"];
    sv?: TokenClaims["sv"];
    authTime?: TokenClaims["authTime"];
    sid?: TokenClaims["sid"];
  }
}
