"use server";

import { z } from "zod";
import { serverAction } from "@/lib/actions/door";
import { saveSignature } from "@/lib/dal/letterhead";
import { signatureSchema } from "@/lib/validation/letterhead";

/** Saves the signed-in user's profession and registration number (the signature block of their letters). */
export const saveSignatureAction = serverAction({
  name: "user.signature",
  args: z.tuple([signatureSchema]),
  run: ([input]) => saveSignature(input),
  revalidate: () => ["/account"],
});
