import { Worker } from "node:worker_threads";
import { log } from "@/lib/log";
import { decodeFitHere, FIT_PARSER_OPTIONS, recordColumns, type DecodedFit, type FitDecoder } from "./fit";

/**
 * FIT decoding off the request's thread: one long-lived worker per server process decodes
 * files one after another and sends back what the importer keeps (records as columns,
 * whose buffers are transferred, not copied), so a 4-hour file never blocks other
 * requests. The worker's source is built here from `recordColumns` itself, so the two
 * threads cannot drift apart; `fit-file-parser` is loaded by the worker from node_modules
 * (it is in next.config's serverExternalPackages). If the worker cannot start, decoding
 * falls back to this thread and says so in the log.
 */
const SOURCE = `
const { parentPort } = require("node:worker_threads");
const FitParser = require("fit-file-parser").default;
const recordColumns = (${recordColumns.toString()});
const options = ${JSON.stringify(FIT_PARSER_OPTIONS)};
parentPort.on("message", ({ id, bytes }) => {
  new FitParser(options).parseAsync(bytes).then(
    (data) => {
      const records = recordColumns(data.records || []);
      const out = { fileIds: data.file_ids || [], sessions: data.sessions || [], laps: data.laps || [], records };
      parentPort.postMessage({ id, data: out }, Object.values(records).map((c) => c.buffer));
    },
    () => parentPort.postMessage({ id, error: true }),
  );
});`;

type Pending = { resolve: (d: DecodedFit) => void; reject: (e: Error) => void };
let worker: Worker | null = null;
let broken = false;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(err: Error) {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
}

function start(): Worker {
  const w = new Worker(SOURCE, { eval: true });
  w.unref();
  w.on("message", (msg: { id: number; data?: DecodedFit; error?: boolean }) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.error || !msg.data) p.reject(new Error("FIT decode failed"));
    else p.resolve(msg.data);
  });
  w.on("error", (err) => {
    log.error({ err, event: "fit_worker_failed" }, "FIT decoding worker failed; decoding in the request thread");
    broken = true;
    worker = null;
    failAll(new WorkerUnavailable());
  });
  w.on("exit", () => {
    if (worker === w) worker = null;
    failAll(new WorkerUnavailable());
  });
  return w;
}

class WorkerUnavailable extends Error {}

/** Whether decoding is done by the worker (running), not started yet (idle), or by the request thread after a failure (fallback). */
export function fitWorkerState(): "idle" | "running" | "fallback" {
  return broken ? "fallback" : worker ? "running" : "idle";
}

/** Decodes FIT bytes in the worker (rejects for a damaged file, as `decodeFitHere` does). */
export const decodeFitInWorker: FitDecoder = async (bytes) => {
  if (broken) return decodeFitHere(bytes);
  worker ??= start();
  const id = nextId++;
  const copy = bytes.slice();
  try {
    return await new Promise<DecodedFit>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker!.postMessage({ id, bytes: copy.buffer }, [copy.buffer]);
    });
  } catch (err) {
    if (err instanceof WorkerUnavailable) return decodeFitHere(bytes);
    throw err;
  }
};
