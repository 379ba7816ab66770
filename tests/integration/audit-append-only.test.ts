import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createTempDatabase } from "../support/db";

let cleanup: () => void;
beforeAll(() => {
  cleanup = createTempDatabase().cleanup;
});
afterAll(() => cleanup());

function rows() {
  return getDb().$client.prepare("select id, action, detail from audit_events order by id").all() as { id: number; action: string; detail: string | null }[];
}

describe("audit table refuses replacement", () => {
  it.each([
    ["INSERT OR REPLACE", "insert or replace into audit_events (id, action, detail) values (?, 'forged', 'x')"],
    ["REPLACE INTO", "replace into audit_events (id, action, detail) values (?, 'forged', 'x')"],
    ["an upsert", "insert into audit_events (id, action, detail) values (?, 'forged', 'x') on conflict(id) do update set action = excluded.action"],
    ["INSERT OR IGNORE over an id", "insert or ignore into audit_events (id, action, detail) values (?, 'forged', 'x')"],
  ])("%s over an existing row is refused and the row is unchanged", (_name, statement) => {
    const sqlite = getDb().$client;
    const { lastInsertRowid } = sqlite.prepare("insert into audit_events (action, detail) values ('patient.view', 'original')").run();
    expect(() => sqlite.prepare(statement).run(lastInsertRowid)).toThrow(/append-only/);
    expect(rows().find((r) => r.id === Number(lastInsertRowid))).toMatchObject({ action: "patient.view", detail: "original" });
    expect(rows().filter((r) => r.action === "forged")).toEqual([]);
  });

  it("still accepts new rows, with or without an explicit new id", () => {
    const sqlite = getDb().$client;
    const before = rows().length;
    sqlite.prepare("insert into audit_events (action) values ('auth.sign_in')").run();
    sqlite.prepare("insert into audit_events (id, action) values (1000000, 'auth.sign_in')").run();
    expect(rows().length).toBe(before + 2);
  });
});
