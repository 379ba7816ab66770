import { z } from "zod";
import { idArg } from "@/lib/actions/door";
import { routeHandler } from "@/lib/actions/route";
import { NotFoundError } from "@/lib/dal/errors";
import { getAssessmentFrameImage } from "@/lib/dal/assessment-frames";
import { VIDEO_MEASURE_FIELDS } from "@/lib/domain/vocabulary";

export const dynamic = "force-dynamic";

/** The still frame (JPEG) a video measure was read from; scoped and audited by the DAL. */
export const GET = routeHandler({
  name: "assessment.frame.image",
  params: z.object({ patientId: idArg, assessmentId: idArg, field: z.enum(VIDEO_MEASURE_FIELDS) }),
  run: async ({ params }) => {
    const jpeg = await getAssessmentFrameImage(params.patientId, params.assessmentId, params.field);
    if (!jpeg) throw new NotFoundError("Frame");
    return new Response(new Uint8Array(jpeg), {
      headers: { "Content-Type": "image/jpeg", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
    });
  },
});
