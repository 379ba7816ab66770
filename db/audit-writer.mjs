// The audit writer: a worker thread with its own SQLite connection that appends audit rows
// of reads (a caseload view) and commits them, so the commit's fsync (synchronous=FULL)
// waits here instead of on the server's one JavaScript thread. Rows that arrive while a
// commit is under way are committed together in the next transaction (one fsync for all).
// Started by lib/dal/audit-writer.ts; each message is { id, values } (the insert's eight
// parameters, lib/dal/audit.ts auditValues), each reply { ids, error? } once those rows are
// committed (or failed).
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const db = new Database(workerData.file);
db.pragma("journal_mode = WAL");
// As the server's own connection (db/client.ts): a committed row survives power loss.
db.pragma("synchronous = FULL");
db.pragma("foreign_keys = ON");
db.pragma("busy_timeout = 5000");
// The insert statement comes from lib/dal/audit.ts (AUDIT_INSERT), its one home.
const insert = db.prepare(workerData.insert);
const insertAll = db.transaction((batch) => {
  for (const m of batch) insert.run(...m.values);
});

let queue = [];
let scheduled = false;

function flush() {
  scheduled = false;
  const batch = queue;
  queue = [];
  const ids = batch.map((m) => m.id);
  try {
    insertAll(batch);
    parentPort.postMessage({ ids });
  } catch (err) {
    parentPort.postMessage({ ids, error: err instanceof Error ? err.message : String(err) });
  }
  if (queue.length > 0 && !scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
}

parentPort.on("message", (m) => {
  queue.push(m);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});
