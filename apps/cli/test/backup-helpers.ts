// Comparing two instances table by table, for the backup/restore tests.
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { BlobStore } from "@dangan/server";
import { DEMO_ORGS } from "@dangan/server/demo";
import { sql } from "kysely";
import { expect } from "vitest";
import { dangan, type Target, withDb } from "./helpers.ts";

export interface Snapshot {
  tables: Record<string, string[]>;
  sequences: Record<string, string>;
  blobs: Record<string, string>;
}

/** Every public table as row_to_json text (UTC), sorted; sequences; blob files with their bytes. */
export async function snapshot(t: Target): Promise<Snapshot> {
  const { tables, sequences } = await withDb(t, (h) =>
    h.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL TIME ZONE 'UTC'`.execute(trx);
      const names = await sql<{ n: string; k: string }>`
        SELECT c.relname AS n, c.relkind AS k FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
        WHERE s.nspname = 'public' AND c.relkind IN ('r', 'S') ORDER BY 1`.execute(trx);
      const tables: Record<string, string[]> = {};
      const sequences: Record<string, string> = {};
      for (const { n, k } of names.rows) {
        if (k === "S") {
          const r = await sql<{
            v: string;
          }>`SELECT last_value::text || '/' || is_called AS v FROM ${sql.raw(`"${n}"`)}`.execute(trx);
          sequences[n] = r.rows[0]!.v;
        } else {
          const r = await sql<{
            j: string;
          }>`SELECT row_to_json(t.*)::text AS j FROM ${sql.raw(`"${n}"`)} t ORDER BY 1`.execute(trx);
          tables[n] = r.rows.map((x) => x.j);
        }
      }
      return { tables, sequences };
    }),
  );
  const blobs: Record<string, string> = {};
  const dir = join(t.dataDir, "blobs");
  if (existsSync(dir))
    for (const sub of readdirSync(dir).filter((d) => /^[0-9a-f]{2}$/.test(d)))
      for (const f of readdirSync(join(dir, sub)))
        blobs[f] = readFileSync(join(dir, sub, f)).toString("base64");
  return { tables, sequences, blobs };
}

/** The target equals the source, plus the one system.restored event the restore appends. */
export function expectRestored(source: Snapshot, target: Snapshot): void {
  const restoredEvents = target.tables.audit_event!.filter((j) => j.includes('"action":"system.restored"'));
  expect(restoredEvents).toHaveLength(1);
  expect(Object.keys(target.tables).sort()).toEqual(Object.keys(source.tables).sort());
  for (const [name, rows] of Object.entries(source.tables)) {
    const got =
      name === "audit_event"
        ? target.tables[name]!.filter((j) => !restoredEvents.includes(j))
        : target.tables[name];
    expect(got, `table ${name}`).toEqual(rows);
  }
  expect(target.sequences).toEqual(source.sequences);
  expect(target.blobs).toEqual(source.blobs);
}

/** Demo world, a user and a token from the CLI, and a blob large enough to span several chunks. */
export async function seedSource(t: Target): Promise<void> {
  expect((await dangan(["demo", ...t.args])).code).toBe(0);
  const client = DEMO_ORGS.find((o) => o.kind === "client")!.name;
  const add = await dangan(
    [
      "user",
      "add",
      "--org",
      client,
      "--username",
      "zhang.san",
      "--name",
      "张三",
      "--role",
      "client_leader",
      "--phone",
      "13800138000",
      ...t.args,
    ],
    { stdin: "a-long-enough-password\n" },
  );
  expect(add.code, add.err).toBe(0);
  expect(
    (await dangan(["token", "create", "--username", "zhang.san", "--name", "对接", ...t.args])).code,
  ).toBe(0);
  const blob = await new BlobStore(join(t.dataDir, "blobs")).put(Readable.from([randomBytes(150_000)]), 1e9);
  await withDb(t, async (h) => {
    const p = await h.db
      .selectFrom("project")
      .select(["id", "clientOrgId"])
      .limit(1)
      .executeTakeFirstOrThrow();
    await h.db
      .insertInto("attachment")
      .values({
        entityType: "project",
        entityId: p.id,
        sm3: blob.sm3,
        sha256: blob.sha256,
        sizeBytes: blob.size,
        mediaType: "application/octet-stream",
        filename: "扫描件.bin",
        orgId: p.clientOrgId,
      })
      .execute();
  });
}
