"use server";

import { z } from "zod";
import { formArg, prevStateArg, serverAction } from "@/lib/actions/door";
import type { ActionResult } from "@/lib/actions/result";
import { saveClinicProtocol, type ProtocolSaved } from "@/lib/dal/protocol";
import { protocolSchema } from "@/lib/validation/protocol";

/** Saves the clinic's thresholds and recomputes every patient's status with them. */
export const saveProtocolAction: (prev: ActionResult<ProtocolSaved> | null, form: FormData) => Promise<ActionResult<ProtocolSaved>> = serverAction({
  name: "protocol.save",
  args: z.tuple([prevStateArg, formArg(protocolSchema)]),
  run: ([, input]) => saveClinicProtocol(input),
  // Every patient's stage may have moved: the whole signed-in app shows it.
  revalidate: () => ["*"],
});
