"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { idArg, serverAction } from "@/lib/actions/door";
import type { ActionResult } from "@/lib/actions/result";
import { createCheckinLink, revokeCheckinLink } from "@/lib/dal/checkin-links";
import { CHECKIN_LINK_PATH } from "@/lib/checkin/token";
import { checkinQrSvg } from "@/lib/checkin/qr";
import { expectedOrigin } from "@/lib/http/origin";

/** The link as shown once after it was made: its URL, the same as a QR code (SVG), and when it expires (ISO UTC). */
export type NewCheckinLink = { url: string; qrSvg: string; expiresAt: string };

/** The panel and the caseload's check-in badges change with a link. */
const checkinPages = ([patientId]: [string, ...unknown[]]) => [`/patients/${patientId}`, "/"];

/**
 * Creates (or reissues) the check-in link of the runner's current episode: (patientId).
 * The previous link stops working at once. The URL is built on this request's own origin.
 */
export const createCheckinLinkAction: (patientId: string) => Promise<ActionResult<NewCheckinLink>> = serverAction({
  name: "checkin.create",
  args: z.tuple([idArg]),
  run: async ([patientId]) => {
    const { token, expiresAt } = await createCheckinLink(patientId);
    const origin = expectedOrigin(await headers()) ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000";
    const url = `${origin}${CHECKIN_LINK_PATH}${token}`;
    return { url, qrSvg: await checkinQrSvg(url), expiresAt };
  },
  revalidate: checkinPages,
});

/** Revokes the current episode's check-in link: (patientId). */
export const revokeCheckinLinkAction: (patientId: string) => Promise<ActionResult<{ revoked: number }>> = serverAction({
  name: "checkin.revoke",
  args: z.tuple([idArg]),
  run: ([patientId]) => revokeCheckinLink(patientId),
  revalidate: checkinPages,
});
