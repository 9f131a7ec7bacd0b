import { describe, expect, it } from "vitest";
import { ChainVerifier, canonicalJson, chainEvents, eventHash, GENESIS_HASH, sm3Hex } from "../src/index.ts";

const draft = (i: number) => ({
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
  actorUserId: null,
  actorOrgId: null,
  action: "project.created",
  entityType: "project",
  entityId: `p${i}`,
  payload: { i, b: { y: 1, x: [2, { d: 1, c: 2 }] } },
  scopeOrgIds: [],
});

describe("audit chain", () => {
  it("uses SM3 (GB/T 32905) as its hash", () => {
    // GB/T 32905-2016 appendix A, example 1.
    expect(sm3Hex("abc")).toBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  });

  it("hashes the same value to the same bytes whatever the key order", () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: [{ f: 1, e: 2 }] } })).toBe(
      '{"a":{"c":[{"e":2,"f":1}],"d":1},"b":1}',
    );
  });

  it("[D-12.2] links each event to the previous one and verifies an intact chain", () => {
    const events = chainEvents({ seq: 0, hash: GENESIS_HASH }, [draft(1), draft(2), draft(3)]);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    const v = new ChainVerifier();
    for (const e of events) v.push(e);
    expect(v.firstBreak).toBeNull();
    expect(v.head).toEqual({ seq: 3, hash: events[2]!.hash });
  });

  it("[D-12.2] names the first edited, deleted or reordered event", () => {
    const events = chainEvents({ seq: 0, hash: GENESIS_HASH }, [1, 2, 3, 4].map(draft));
    const check = (list: typeof events) => {
      const v = new ChainVerifier();
      for (const e of list) v.push(e);
      return v.firstBreak;
    };
    expect(check(events.map((e) => (e.seq === 2 ? { ...e, payload: { i: 99 } } : e)))).toEqual({
      kind: "hash_mismatch",
      seq: 2,
    });
    expect(check(events.filter((e) => e.seq !== 3))).toEqual({
      kind: "sequence_gap",
      seq: 4,
      expectedSeq: 3,
    });
    const swapped = [events[0]!, { ...events[2]!, seq: 2 }, { ...events[1]!, seq: 3 }, events[3]!];
    expect(check(swapped)).toEqual({ kind: "prev_hash_mismatch", seq: 2 });
    // A forger who also recomputes the hash still breaks the next link.
    const forged = { ...events[1]!, payload: { forged: true } };
    forged.hash = eventHash(forged);
    expect(check([events[0]!, forged, events[2]!, events[3]!])).toEqual({
      kind: "prev_hash_mismatch",
      seq: 3,
    });
  });
});
