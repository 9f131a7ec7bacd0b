// Appends audit events to the hash chain inside the caller's transaction, and
// verifies the whole chain (docs/adr/0003-audit-chain.md).
import {
  type AuditActor,
  type AuditEventDraft,
  type ChainBreak,
  type ChainedEvent,
  ChainVerifier,
  chainEvents,
  GENESIS_HASH,
} from "@dangan/domain";
import { type Kysely, sql, type Transaction } from "kysely";
import type { AuditEventRow, Database } from "./schema/index.ts";

const CHAIN_LOCK = 7_146_302;
const INSERT_CHUNK = 1000;

/** Appends events after the current head; serialised by a transaction-scoped lock. */
export async function appendAuditEvents(
  trx: Transaction<Database>,
  actor: AuditActor,
  drafts: readonly AuditEventDraft[],
  at: Date = new Date(),
): Promise<ChainedEvent[]> {
  if (drafts.length === 0) return [];
  await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  const head = await trx
    .selectFrom("auditEvent")
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  const chained = chainEvents(
    head ?? { seq: 0, hash: GENESIS_HASH },
    drafts.map((d) => ({
      at,
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      action: d.action,
      entityType: d.entityType,
      entityId: d.entityId,
      payload: d.payload,
      scopeOrgIds: [...new Set(d.scopeOrgIds)].sort(),
    })),
  );
  for (let i = 0; i < chained.length; i += INSERT_CHUNK) {
    await trx
      .insertInto("auditEvent")
      .values(chained.slice(i, i + INSERT_CHUNK).map((e) => ({ ...e, payload: JSON.stringify(e.payload) })))
      .execute();
  }
  return chained;
}

export function rowToChained(row: AuditEventRow): ChainedEvent {
  return { ...row, payload: row.payload };
}

export interface VerifyResult {
  ok: boolean;
  count: number;
  head: { seq: number; hash: string };
  firstBreak: ChainBreak | null;
}

/** Reads the chain in seq order, in batches, and names the first broken event. */
export async function verifyAuditChain(
  db: Kysely<Database>,
  onProgress?: (checked: number) => void,
  batchSize = 5000,
): Promise<VerifyResult> {
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom("auditEvent")
      .selectAll()
      .where("seq", ">", after)
      .orderBy("seq")
      .limit(batchSize)
      .execute();
    for (const row of rows) verifier.push(rowToChained(row));
    onProgress?.(verifier.count);
    if (rows.length < batchSize || verifier.firstBreak) break;
    after = rows[rows.length - 1]!.seq;
  }
  return {
    ok: verifier.firstBreak === null,
    count: verifier.count,
    head: verifier.head,
    firstBreak: verifier.firstBreak,
  };
}
