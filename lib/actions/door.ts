import "server-only";
import { z } from "zod";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { isSameOriginRequest } from "@/lib/http/origin";
import { log, newRequestId } from "@/lib/log";
import { recordRefusal } from "@/lib/dal/prepared";
import { expectedFailure, UNEXPECTED_MESSAGE } from "./errors";
import { fieldErrorsFrom, formToObject, type ActionResult } from "./result";

/**
 * The one door for every server action: the request must come from this app's own pages,
 * the user must be signed in, every positional argument is parsed by one zod tuple (ids as
 * UUIDs, the form input last), the DAL runs (it authorises and audits), the listed paths are
 * revalidated, and the answer is always an `ActionResult`: expected DAL errors through the
 * one table in `./errors`, anything else logged with a request id and answered with a
 * generic message. Nothing throws past it except Next's own redirects (an ended session).
 *
 * Usage, in a "use server" file:
 *   export const stepBackAction = serverAction({
 *     name: "stage.step_back",
 *     args: z.tuple([patientIdArg, stepBackSchema]),
 *     run: ([patientId, input]) => stepBackStage(patientId, input),
 *     revalidate: ([patientId]) => patientPaths(patientId),
 *   });
 */
export type ActionContext = { user: SessionUser; requestId: string };

type ArgsSchema = z.ZodType<unknown[]>;

export type ActionSpec<A extends ArgsSchema, T> = {
  /** A short code for logs, e.g. "patient.create". */
  name: string;
  /** A zod tuple of the positional arguments, or a function of the user for schemas that need the clinic's today. */
  args: A | ((ctx: ActionContext) => A);
  run: (args: z.output<A>, ctx: ActionContext) => Promise<T>;
  /**
   * Paths to revalidate after a successful run (none: the client refreshes itself). A path
   * means its page and every page below it; "/" is the caseload page alone; "*" is every page.
   */
  revalidate?: (args: z.output<A>, data: T) => string[] | void;
  /** Actions a pending one-time password still allows (changing it, signing out). */
  allowPendingPasswordChange?: boolean;
};

export function serverAction<A extends ArgsSchema, T>(spec: ActionSpec<A, T>): (...raw: unknown[]) => Promise<ActionResult<T>> {
  return async (...raw: unknown[]) => {
    let requestId = newRequestId();
    try {
      const h = await headers();
      requestId = newRequestId(h);
      if (!isSameOriginRequest(h)) {
        log.warn({ requestId, action: spec.name, event: "cross_site_refused" }, "cross-site action refused");
        return { ok: false, error: "This request came from another site and was refused." };
      }
      const user = await requireUser({ allowPendingPasswordChange: spec.allowPendingPasswordChange });
      const ctx: ActionContext = { user, requestId };
      const schema = typeof spec.args === "function" ? spec.args(ctx) : spec.args;
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return invalidArgs(parsed.error, raw);
      const data = await spec.run(parsed.data, ctx);
      for (const path of spec.revalidate?.(parsed.data, data) ?? []) revalidate(path);
      return { ok: true, data };
    } catch (err) {
      unstable_rethrow(err);
      recordRefusal(err);
      const expected = expectedFailure(err);
      // React resets a form after its action: echo what was typed so a refused save loses nothing.
      if (expected) return { ...expected.result, values: echoInput(raw) };
      log.error({ requestId, action: spec.name, err }, "server action failed");
      return { ok: false, error: `${UNEXPECTED_MESSAGE} (Reference ${requestId.slice(0, 8)})` };
    }
  };
}

function revalidate(path: string): void {
  if (path === "*") revalidatePath("/", "layout");
  else if (path === "/") revalidatePath("/");
  else revalidatePath(path, "layout");
}

/**
 * A failed argument parse. Issues in the last argument (the form input) become field
 * messages keyed by their path inside it; an issue in an id argument means the record
 * cannot be found.
 */
function invalidArgs(error: z.ZodError, raw: unknown[]): ActionResult<never> {
  const last = raw.length - 1;
  const inInput = error.issues.filter((i) => i.path[0] === last && i.path.length > 1);
  if (inInput.length === 0) return { ok: false, error: "This request could not be read. Reload the page and try again." };
  const fieldErrors = fieldErrorsFrom(new z.ZodError(inInput.map((i) => ({ ...i, path: i.path.slice(1) }))));
  return { ok: false, error: "Please correct the highlighted fields.", fieldErrors, values: echoInput(raw) };
}

/**
 * The text fields of the last argument (the form input, a FormData or an object), to refill
 * the form after a refusal; passwords are never sent back.
 */
function echoInput(raw: unknown[]): Record<string, string> | undefined {
  const last = raw.at(-1);
  const input = last instanceof FormData ? formToObject(last) : last;
  if (!input || typeof input !== "object" || Array.isArray(input)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) if (typeof value === "string" && value.length <= 10_000 && !/password/i.test(key)) out[key] = value;
  return out;
}

/** A record id as an action or route argument: a UUID, nothing else. */
export const idArg = z.uuid();

/**
 * A form's input as an action argument: a `FormData` (a `<form action>` or `useActionState`)
 * or a plain object (a client calling the action), both parsed by the same zod schema. Empty
 * fields of a FormData are absent (see `formToObject`); anything else (a string, an array,
 * null) fails the schema.
 */
export function formArg<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (v instanceof FormData ? formToObject(v) : v), schema);
}

/** The state argument `useActionState` passes first: ignored, whatever it holds. */
export const prevStateArg = z.unknown();

/** A boolean argument: `true` or `false` only (`"false"` is not false, nor true). */
export const boolArg = z.boolean();
