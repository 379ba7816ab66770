import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { backupDatabase, listBackups, pruneBackups, restoreDatabase } from "@/db/backup";

/**
 * A second connection, in its own thread, that inserts one row per statement until told to
 * stop. `state[0]` is the stop flag, `state[1]` the rows committed so far.
 */
const WRITER = `
const { workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 10000");
const state = new Int32Array(workerData.shared);
const insert = db.prepare("insert into sign_in_attempts (email, ip, success) values (?, '127.0.0.1', 1)");
while (Atomics.load(state, 0) === 0) {
  insert.run("during-" + Atomics.load(state, 1) + "@x.test");
  Atomics.add(state, 1, 1);
  Atomics.notify(state, 1);
}
db.close();
`;

function startWriter(file: string) {
  const shared = new SharedArrayBuffer(8);
  const state = new Int32Array(shared);
  const worker = new Worker(WRITER, { eval: true, workerData: { file, shared, driver: require.resolve("better-sqlite3") } });
  const done = new Promise<void>((resolve, reject) => {
    worker.once("exit", () => resolve());
    worker.once("error", reject);
  });
  return {
    written: () => Atomics.load(state, 1),
    /** Resolves once the writer has committed at least `n` rows. */
    async waitFor(n: number) {
      while (Atomics.load(state, 1) < n) await new Promise((r) => setTimeout(r, 5));
    },
    async stop() {
      Atomics.store(state, 0, 1);
      await done;
      return Atomics.load(state, 1);
    },
  };
}

describe("online backup and restore", () => {
  it("finishes while another connection keeps writing, and the restored copy holds a consistent snapshot", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "springback-backup-"));
    const live = path.join(dir, "live.db");
    const db = openDatabase(live);
    const sqlite = db.$client;
    sqlite.prepare("insert into clinics (id, name) values ('c1', 'Backup Clinic')").run();
    const insert = sqlite.prepare("insert into sign_in_attempts (email, ip, success) values (?, '127.0.0.1', 0)");
    sqlite.transaction((n: number) => {
      for (let i = 0; i < n; i++) insert.run(`before-${i}@x.test`);
    })(20_000);

    // The writer runs in its own thread, so it keeps committing while VACUUM INTO copies.
    const writer = startWriter(live);
    await writer.waitFor(50);
    const writtenBefore = writer.written();
    const result = await backupDatabase(live, path.join(dir, "backup.db"));
    await writer.waitFor(writtenBefore + 50);
    const written = await writer.stop();
    expect(result.integrity).toBe("ok");
    expect(fs.existsSync(`${result.file}.partial`)).toBe(false);

    const restored = path.join(dir, "restored.db");
    restoreDatabase(result.file, restored);
    const check = new Database(restored, { readonly: true });
    const count = (sqlText: string) => (check.prepare(sqlText).get() as { n: number }).n;
    expect(count("select count(*) n from sign_in_attempts where email like 'before-%'")).toBe(20_000);
    // A snapshot: every row the writer had committed when the copy began, and no gaps after it.
    const during = count("select count(*) n from sign_in_attempts where email like 'during-%'");
    expect(during).toBeGreaterThanOrEqual(writtenBefore);
    expect(during).toBeLessThan(written);
    expect(count("select coalesce(max(cast(substr(email, 8, instr(email, '@') - 8) as integer)) + 1, 0) n from sign_in_attempts where email like 'during-%'")).toBe(during);
    expect((check.prepare("select name from clinics where id = 'c1'").get() as { name: string }).name).toBe("Backup Clinic");
    expect(check.pragma("foreign_key_check")).toEqual([]);
    check.close();
    // The live database kept every write.
    expect((sqlite.prepare("select count(*) n from sign_in_attempts where email like 'during-%'").get() as { n: number }).n).toBe(written);
    sqlite.close();

    fs.writeFileSync(path.join(dir, "broken.db"), "not a database");
    expect(() => restoreDatabase(path.join(dir, "broken.db"), restored)).toThrow();
    // A real database with a damaged page is refused too.
    const damaged = path.join(dir, "damaged.db");
    fs.copyFileSync(result.file, damaged);
    const bytes = fs.readFileSync(damaged);
    bytes.fill(0xff, 4096 * 3, 4096 * 3 + 512);
    fs.writeFileSync(damaged, bytes);
    expect(() => restoreDatabase(damaged, path.join(dir, "other.db"))).toThrow();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps the newest N backups and touches no other file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "springback-keep-"));
    const names = ["springback-20261101T010000Z.db", "springback-20261102T010000Z.db", "springback-20261103T010000Z.db", "springback-20261104T010000Z.db"];
    for (const name of [...names, "notes.txt", "springback-manual.db"]) fs.writeFileSync(path.join(dir, name), "x");
    const removed = pruneBackups(dir, 2);
    expect(removed.map((f) => path.basename(f))).toEqual(names.slice(0, 2));
    expect(listBackups(dir).map((f) => path.basename(f))).toEqual(names.slice(2));
    expect(fs.existsSync(path.join(dir, "notes.txt"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "springback-manual.db"))).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
