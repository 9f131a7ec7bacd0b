// The plan of a title query: the bigram index, or a scan in catalogue order for
// a word common in the caller's scope (catalogue-search/title-plan.ts).
import { titleQuery } from "@dangan/domain";
import { describe, expect, it } from "vitest";
import { MAINTENANCE_HOUR, maintenanceDue } from "../../src/lib/embedded-maintenance.ts";
import {
  phraseShare,
  SCAN_MIN_SHARE,
  type SearchStats,
  titlePlan,
} from "../../src/modules/catalogue-search/title-plan.ts";

const CLIENT = "11111111-1111-1111-1111-111111111111";
const SMALL = "22222222-2222-2222-2222-222222222222";
const stats: SearchStats = {
  bigramShare: new Map([
    ["关于", 0.5],
    ["通知", 0.03],
    ["协议", 0.01],
    // Shares measured in the benchmark's 1,000,000 titles.
    ["监理", 0.214],
    ["理的", 0.083],
    ["的决", 0.196],
    ["决定", 0.196],
    ["苏州", 0.065],
    ["州河", 0.065],
    ["汇区", 0.116],
    ["区审", 0.031],
    ["审计", 0.095],
    ["计局", 0.023],
  ]),
  clientShare: new Map([
    [CLIENT, 0.9],
    [SMALL, 0.1],
  ]),
};
const client = (orgId: string) => ({ kind: "organisation", orgId, party: "client" }) as const;
const plan = (q: string, scope: Parameters<typeof titlePlan>[1]) => titlePlan(titleQuery(q)!, scope, stats);

describe("title plan", () => {
  it("[D-10.1] scans for a word in more than SCAN_MIN_SHARE of the scope's titles, else uses the index", () => {
    expect(SCAN_MIN_SHARE).toBeGreaterThan(0.01);
    expect(plan("关于", client(CLIENT))).toBe("scan");
    expect(plan("通知", client(CLIENT))).toBe("scan"); // 0.03 × 0.9
    expect(plan("协议", client(CLIENT))).toBe("index"); // 1 %: the bitmap is cheaper
    expect(plan("湿地", client(CLIENT))).toBe("index"); // no statistics: not common
  });

  it("[D-10.1] weighs the word by the scope's share, and keeps the index when that share is unknown", () => {
    expect(plan("关于", client(SMALL))).toBe("scan"); // 0.5 × 0.1
    expect(plan("通知", client(SMALL))).toBe("index"); // 0.003
    expect(plan("关于", client("33333333-3333-3333-3333-333333333333"))).toBe("index");
    expect(plan("关于", { kind: "organisation", orgId: CLIENT, party: "agency" })).toBe("index");
    expect(plan("关于", { kind: "all" })).toBe("scan");
  });

  it("[D-10.1] judges a phrase by its rarest bigram, scaled by how much more common its others are; a one-character word is always a scan", () => {
    expect(plan("监理的决定", client(CLIENT))).toBe("scan"); // 0.083 × 0.083 / 0.214 × 0.9 = 2.9 %
    expect(plan("监理协议", client(CLIENT))).toBe("index"); // 协议 0.01, 理协 unknown
    expect(plan("湿", client(CLIENT))).toBe("scan");
    // A fixed term: its bigrams are as common as each other, so it is as common as they are.
    expect(plan("苏州河", client(CLIENT))).toBe("scan");
    // Rare words whose bigrams are common elsewhere: the phrase is rarer than any of them.
    expect(plan("汇区审计局", client(CLIENT))).toBe("index");
    const q = titleQuery("汇区审计局");
    if (q?.kind !== "bigrams") throw new Error("bigrams expected");
    expect(phraseShare(q, stats)).toBeCloseTo((0.023 * 0.023) / 0.116, 5);
  });
});

describe("embedded maintenance", () => {
  const at = (iso: string) => new Date(iso);
  it("is due once a night, in the maintenance hour (Shanghai time)", () => {
    const hourUtc = (MAINTENANCE_HOUR + 24 - 8) % 24;
    const inHour = at(`2026-11-26T${String(hourUtc).padStart(2, "0")}:10:00Z`);
    expect(maintenanceDue(inHour, null)).toBe(true);
    expect(maintenanceDue(inHour, new Date(inHour.getTime() - 30 * 60_000))).toBe(false);
    expect(maintenanceDue(inHour, new Date(inHour.getTime() - 24 * 3600_000))).toBe(true);
    expect(maintenanceDue(new Date(inHour.getTime() + 3600_000), null)).toBe(false);
  });
});
