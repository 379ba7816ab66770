import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { backupDatabase, restoreDatabase } from "@/db/backup";

describe("online backup and restore", () => {
  it("copies a consistent database while writes go on, and restores it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "springback-backup-"));
    const live = path.join(dir, "live.db");
    const db = openDatabase(live);
    const sqlite = db.$client;
    sqlite.prepare("insert into clinics (id, name) values ('c1', 'Backup Clinic')").run();
    const insert = sqlite.prepare("insert into sign_in_attempts (email, ip, success) values (?, '127.0.0.1', 0)");
    const many = sqlite.transaction((n: number) => {
      for (let i = 0; i < n; i++) insert.run(`before-${i}@x.test`);
    });
    many(20_000);

    // A second connection keeps writing while the backup runs in steps.
    const writer = new Database(live);
    writer.pragma("busy_timeout = 5000");
    let written = 0;
    const timer = setInterval(() => {
      writer.prepare("insert into sign_in_attempts (email, ip, success) values (?, '127.0.0.1', 1)").run(`during-${written++}@x.test`);
    }, 1);
    const result = await backupDatabase(live, path.join(dir, "backup.db"));
    clearInterval(timer);
    writer.close();
    expect(result.integrity).toBe("ok");
    expect(written).toBeGreaterThan(0);

    // Restore over a fresh path and find the data.
    const restored = path.join(dir, "restored.db");
    restoreDatabase(result.file, restored);
    const check = new Database(restored, { readonly: true });
    const before = check.prepare("select count(*) n from sign_in_attempts where email like 'before-%'").get() as { n: number };
    const clinic = check.prepare("select name from clinics where id = 'c1'").get() as { name: string };
    expect(before.n).toBe(20_000);
    expect(clinic.name).toBe("Backup Clinic");
    expect(check.pragma("foreign_key_check")).toEqual([]);
    check.close();
    sqlite.close();

    fs.writeFileSync(path.join(dir, "broken.db"), "not a database");
    expect(() => restoreDatabase(path.join(dir, "broken.db"), restored)).toThrow();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
