"use server";

import { z } from "zod";
import { serverAction } from "@/lib/actions/door";
import { saveLetterhead } from "@/lib/dal/letterhead";
import { letterheadSchema } from "@/lib/validation/letterhead";

/** Saves the clinic's letterhead (admins only): the address, phone and e-mail printed on every letter. */
export const saveLetterheadAction = serverAction({
  name: "clinic.letterhead",
  args: z.tuple([letterheadSchema]),
  run: ([input]) => saveLetterhead(input),
  revalidate: () => ["/admin"],
});
