import { z } from "zod";
import { idArg } from "@/lib/actions/door";
import { routeHandler } from "@/lib/actions/route";
import { DomainRuleError } from "@/lib/dal/errors";
import { assertCanImport, reviewImport, saveImport } from "@/lib/dal/imports";
import { readUpload } from "@/lib/import/upload";
import { importChoicesSchema, importFileNameSchema } from "@/lib/validation/imports";

export const dynamic = "force-dynamic";

/**
 * Watch-file import, one file per request (its raw bytes as the body, its name in `name`):
 * `step=review` reads the file and answers how each activity would be logged; `step=save`
 * reads the same file again and imports the chosen activities (`choices`, JSON) in one
 * transaction. The file itself is never stored.
 */
export const POST = routeHandler({
  name: "runs.import",
  params: z.object({ patientId: idArg }),
  query: z.object({ step: z.enum(["review", "save"]), name: importFileNameSchema, choices: importChoicesSchema.optional() }),
  run: async ({ params, query }, { request }) => {
    await assertCanImport(params.patientId);
    const reading = await readUpload(query.name, request);
    if (query.step === "review") return { files: await reviewImport(params.patientId, [reading]) };
    if (reading.error) throw new DomainRuleError(reading.error);
    return saveImport(params.patientId, [reading], query.choices ?? []);
  },
});
