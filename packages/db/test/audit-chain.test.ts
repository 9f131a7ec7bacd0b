import { systemActor } from "@dangan/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, inTransaction, verifyAuditChain } from "../src/index.ts";
import { createTestDatabase, testDbMode } from "../src/testing.ts";

const actor = { userId: null, orgId: null };
let h: DbHandle;

async function appendN(n: number) {
  await inTransaction(h.db, actor, async (_trx, audit) => {
    for (let i = 0; i < n; i++) {
      audit.record({
        action: "system.migrated",
        entityType: "test",
        entityId: String(i),
        payload: { i, nested: { zKey: "z", aKey: "中文" } },
        scopeOrgIds: [],
      });
    }
  });
}

/** Tampering needs the append-only triggers off; only a superuser can do that. */
async function tamper(statement: string) {
  await h.db.connection().execute(async (conn) => {
    await sql`SET session_replication_role = replica`.execute(conn);
    await sql.raw(statement).execute(conn);
    await sql`SET session_replication_role = DEFAULT`.execute(conn);
  });
}

describe(`audit chain (${testDbMode()})`, () => {
  beforeAll(async () => {
    h = await createTestDatabase();
    await appendN(5);
    await appendN(5);
  });
  afterAll(() => h.close());

  it("[G-7] verifies an untouched chain and reports its head", async () => {
    const r = await verifyAuditChain(h.db);
    expect(r).toMatchObject({ ok: true, count: 10, head: { seq: 10 } });
    expect(r.head.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("[D-12.2] refuses UPDATE, DELETE and TRUNCATE on the audit log", async () => {
    await expect(sql`UPDATE audit_event SET action = 'x' WHERE seq = 1`.execute(h.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_event WHERE seq = 1`.execute(h.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_event`.execute(h.db)).rejects.toThrow(/append-only/);
  });

  it("[D-12.2] names the first edited event", async () => {
    await tamper(`UPDATE audit_event SET payload = '{"i": 99}' WHERE seq = 4`);
    const r = await verifyAuditChain(h.db);
    expect(r.ok).toBe(false);
    expect(r.firstBreak).toEqual({ kind: "hash_mismatch", seq: 4 });
  });
});

describe(`audit chain tampering (${testDbMode()})`, () => {
  it("[D-12.2] names the event after a deletion", async () => {
    h = await createTestDatabase();
    await appendN(6);
    await tamper("DELETE FROM audit_event WHERE seq = 3");
    const r = await verifyAuditChain(h.db);
    expect(r.firstBreak).toEqual({ kind: "sequence_gap", seq: 4, expectedSeq: 3 });
    await h.close();
  });

  it("[D-12.2] detects an inserted event and a reordering", async () => {
    h = await createTestDatabase();
    await appendN(4);
    // Insertion: shift events up and slot a forged one in at seq 2.
    await tamper("UPDATE audit_event SET seq = seq + 100 WHERE seq >= 2");
    await tamper("UPDATE audit_event SET seq = seq - 99 WHERE seq >= 100");
    await tamper(
      `INSERT INTO audit_event SELECT 2, at, actor_user_id, actor_org_id, action, entity_type, 'forged', payload, scope_org_ids, prev_hash, repeat('a', 64) FROM audit_event WHERE seq = 1`,
    );
    let r = await verifyAuditChain(h.db);
    expect(r.firstBreak).toEqual({ kind: "prev_hash_mismatch", seq: 2 });
    await h.close();

    h = await createTestDatabase();
    await appendN(4);
    // Reordering: swap the positions of events 2 and 3.
    await tamper("UPDATE audit_event SET seq = 100 WHERE seq = 2");
    await tamper("UPDATE audit_event SET seq = 2 WHERE seq = 3");
    await tamper("UPDATE audit_event SET seq = 3 WHERE seq = 100");
    r = await verifyAuditChain(h.db);
    expect(r.firstBreak).toEqual({ kind: "prev_hash_mismatch", seq: 2 });
    await h.close();
  });

  it("[G-7] serialises concurrent appenders into one chain", async () => {
    h = await createTestDatabase();
    await Promise.all(Array.from({ length: 8 }, () => appendN(3)));
    const r = await verifyAuditChain(h.db);
    expect(r).toMatchObject({ ok: true, count: 24 });
    await h.close();
    expect(systemActor("x").type).toBe("system");
  });
});
