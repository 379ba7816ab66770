import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { getDb } from "@/db/client";
import { log } from "@/lib/log";
import { AUDIT_INSERT, auditValues, writeAudit, type AuditInput } from "./audit";

type Pending = { resolve: () => void; reject: (err: Error) => void };
type Writer = { worker: Worker; pending: Map<number, Pending>; next: number; file: string };

const state = globalThis as unknown as { __springbackAuditWriter?: Writer | null };

/** The worker's script, outside the bundle (read from the app's folder at run time). */
const SCRIPT = path.join(/* turbopackIgnore: true */ process.cwd(), "db", "audit-writer.mjs");

/**
 * Whether audit rows of reads go through the writer thread: in the production server
 * (tests and scripts write in place); `SPRINGBACK_AUDIT_WRITER=off` turns it off, `on`
 * turns it on anywhere (its own test).
 */
function writerWanted(): boolean {
  const setting = process.env.SPRINGBACK_AUDIT_WRITER;
  if (setting === "on") return true;
  return setting !== "off" && process.env.NODE_ENV === "production" && !process.env.VITEST;
}

function startWriter(file: string): Writer | null {
  try {
    const worker = new Worker(SCRIPT, { workerData: { file, insert: AUDIT_INSERT } });
    const writer: Writer = { worker, pending: new Map(), next: 1, file };
    worker.on("message", (m: { ids: number[]; error?: string }) => {
      for (const id of m.ids) {
        const p = writer.pending.get(id);
        writer.pending.delete(id);
        if (!p) continue;
        if (m.error) p.reject(new Error(`Audit row not written: ${m.error}`));
        else p.resolve();
      }
    });
    const fail = (err: Error) => {
      log.error({ err }, "audit writer stopped; audit rows of reads are written in place from now on");
      for (const p of writer.pending.values()) p.reject(err);
      writer.pending.clear();
      state.__springbackAuditWriter = null;
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (state.__springbackAuditWriter === writer) fail(new Error(`audit writer exited (${code})`));
    });
    worker.unref();
    return writer;
  } catch (err) {
    log.error({ err }, "audit writer could not start; audit rows of reads are written in place");
    return null;
  }
}

/**
 * Appends the audit row of a read and resolves once it is committed (the caller renders
 * nothing of the record before that, as with `writeAudit`). In the production server the
 * row is committed by a worker thread on its own connection (`db/audit-writer.mjs`), so the
 * commit's fsync does not hold the server's one thread, and rows of concurrent views share
 * one commit; elsewhere, or if the worker cannot run, it is written in place. Rejects when
 * the row could not be written. Not for writes: their audit row belongs in their own
 * transaction (`writeAudit`).
 */
export function commitReadAudit(event: AuditInput): Promise<void> {
  const db = getDb();
  if (!writerWanted()) {
    writeAudit(db, event);
    return Promise.resolve();
  }
  const file = db.$client.name;
  let writer = state.__springbackAuditWriter;
  if (writer === undefined || (writer && writer.file !== file)) {
    if (writer) void writer.worker.terminate();
    writer = state.__springbackAuditWriter = startWriter(file);
  }
  if (!writer) {
    writeAudit(db, event);
    return Promise.resolve();
  }
  const id = writer.next++;
  const w = writer;
  return new Promise<void>((resolve, reject) => {
    w.pending.set(id, { resolve, reject });
    w.worker.postMessage({ id, values: auditValues(event) });
  });
}
