// The hash chain over audit events (docs/adr/0003-audit-chain.md). Each event's
// hash is SM3 over the canonical JSON of its fields and the previous hash, so an
// edit, deletion, insertion or reordering breaks the chain at that event.
import { canonicalJson } from "../util/canonical-json.ts";
import { sm3Hex } from "../util/hash.ts";

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedEvent {
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorOrgId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  payload: unknown;
  scopeOrgIds: string[];
  prevHash: string;
  hash: string;
}

export type UnhashedEvent = Omit<ChainedEvent, "hash">;

export function eventHash(event: UnhashedEvent): string {
  return sm3Hex(
    canonicalJson({
      seq: event.seq,
      at: event.at.toISOString(),
      actorUserId: event.actorUserId,
      actorOrgId: event.actorOrgId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      payload: event.payload,
      scopeOrgIds: event.scopeOrgIds,
      prevHash: event.prevHash,
    }),
  );
}

export type ChainBreak =
  | { kind: "sequence_gap"; seq: number; expectedSeq: number }
  | { kind: "prev_hash_mismatch"; seq: number }
  | { kind: "hash_mismatch"; seq: number };

/** Incremental verifier: feed events in seq order; the first break is kept. */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  count = 0;
  firstBreak: ChainBreak | null = null;

  push(event: ChainedEvent): void {
    if (this.firstBreak) return;
    this.count++;
    if (event.seq !== this.expectedSeq) {
      this.firstBreak = { kind: "sequence_gap", seq: event.seq, expectedSeq: this.expectedSeq };
    } else if (event.prevHash !== this.prevHash) {
      this.firstBreak = { kind: "prev_hash_mismatch", seq: event.seq };
    } else if (eventHash(event) !== event.hash) {
      this.firstBreak = { kind: "hash_mismatch", seq: event.seq };
    }
    this.expectedSeq = event.seq + 1;
    this.prevHash = event.hash;
  }

  get head(): { seq: number; hash: string } {
    return { seq: this.expectedSeq - 1, hash: this.prevHash };
  }
}

/** Gives drafts their places after `head`, computing each hash. */
export function chainEvents(
  head: { seq: number; hash: string },
  events: Omit<UnhashedEvent, "seq" | "prevHash">[],
): ChainedEvent[] {
  let { seq, hash } = head;
  return events.map((event) => {
    const unhashed: UnhashedEvent = { ...event, seq: seq + 1, prevHash: hash };
    const chained = { ...unhashed, hash: eventHash(unhashed) };
    seq = chained.seq;
    hash = chained.hash;
    return chained;
  });
}
