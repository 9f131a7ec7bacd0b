// The ceiling: how fast this machine hashes the very bytes the audit chain
// hashes, with no database. The bytes are rebuilt exactly as eventHash builds
// them (packages/domain/src/audit/chain.ts); each digest is checked against the
// domain's own hash, so the ceiling cannot drift from the real chain format.
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import {
  type AuditEventDraft,
  type ChainedEvent,
  canonicalJson,
  chainEvents,
  GENESIS_HASH,
} from "@dangan/domain";
import { ACTOR, batchTime, drafts } from "./events.ts";
import { progress } from "./progress.ts";

export interface Ceiling {
  events: number;
  bytes: number;
  /** Seconds spent in each measured loop. */
  sm3: number;
  sha256: number;
  /** chainEvents in memory: object building + canonical JSON + SM3. */
  domain: number;
  head: { seq: number; hash: string };
}

/** The bytes eventHash feeds to SM3 for one event. */
export function hashedBytes(e: ChainedEvent): Buffer {
  return Buffer.from(
    canonicalJson({
      seq: e.seq,
      at: e.at.toISOString(),
      actorUserId: e.actorUserId,
      actorOrgId: e.actorOrgId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      payload: e.payload,
      scopeOrgIds: e.scopeOrgIds,
      prevHash: e.prevHash,
    }),
  );
}

/** Same mapping from drafts to chain entries as appendAuditEvents. */
export function chainBatch(head: { seq: number; hash: string }, batchDrafts: AuditEventDraft[], at: Date) {
  return chainEvents(
    head,
    batchDrafts.map((d) => ({
      at,
      actorUserId: ACTOR.userId,
      actorOrgId: ACTOR.orgId,
      action: d.action,
      entityType: d.entityType,
      entityId: d.entityId,
      payload: d.payload,
      scopeOrgIds: [...new Set(d.scopeOrgIds)].sort(),
    })),
  );
}

function timeDigests(algorithm: "sm3" | "sha256", buffers: Buffer[]): { seconds: number; digests: Buffer[] } {
  const digests = new Array<Buffer>(buffers.length);
  const t0 = performance.now();
  for (let k = 0; k < buffers.length; k++) digests[k] = createHash(algorithm).update(buffers[k]!).digest();
  return { seconds: (performance.now() - t0) / 1000, digests };
}

export function measureCeiling(events: number, batchSize: number): Ceiling {
  const c: Ceiling = { events, bytes: 0, sm3: 0, sha256: 0, domain: 0, head: { seq: 0, hash: GENESIS_HASH } };
  const tick = progress("ceiling", events);
  // Warm up both digests so the first batch does not pay for JIT and OpenSSL setup.
  const warm = chainBatch(c.head, drafts(0, 1000), batchTime(0)).map(hashedBytes);
  timeDigests("sm3", warm);
  timeDigests("sha256", warm);

  for (let from = 0, batch = 0; from < events; from += batchSize, batch++) {
    const count = Math.min(batchSize, events - from);
    const batchDrafts = drafts(from, count); // built outside the timing, as in the database phases
    const t0 = performance.now();
    const chained = chainBatch(c.head, batchDrafts, batchTime(batch));
    c.domain += (performance.now() - t0) / 1000;

    const buffers = chained.map(hashedBytes);
    for (const b of buffers) c.bytes += b.length;
    // Alternate the order per batch so neither algorithm always runs on a warmer cache.
    const order = batch % 2 === 0 ? (["sm3", "sha256"] as const) : (["sha256", "sm3"] as const);
    for (const algorithm of order) {
      const { seconds, digests } = timeDigests(algorithm, buffers);
      c[algorithm] += seconds;
      if (algorithm === "sm3") {
        digests.forEach((d, k) => {
          if (d.toString("hex") !== chained[k]!.hash)
            throw new Error(`ceiling bytes differ from eventHash at seq ${chained[k]!.seq}`);
        });
      }
    }
    const last = chained[chained.length - 1]!;
    c.head = { seq: last.seq, hash: last.hash };
    tick(from + count);
  }
  return c;
}
