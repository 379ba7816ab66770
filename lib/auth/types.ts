import type { DistanceUnit, UserRole } from "@/lib/domain/vocabulary";

/** The signed-in user as every DAL function sees it. */
export type SessionUser = {
  id: string;
  clinicId: string;
  clinicName: string;
  clinicTimeZone: string;
  /** The unit this user types and reads distances in: their own choice, else the clinic's. */
  distanceUnit: DistanceUnit;
  role: UserRole;
  name: string;
  email: string;
  sessionVersion: number;
  mustChangePassword: boolean;
};

/** What the signed session token carries. */
export type TokenClaims = {
  uid: string;
  cid: string;
  role: UserRole;
  sv: number;
  /** Seconds since the epoch when the user signed in (absolute session lifetime). */
  authTime: number;
  /** Session id, fixed at sign-in and kept when the token is re-issued; ended by sign-out. */
  sid: string;
};
