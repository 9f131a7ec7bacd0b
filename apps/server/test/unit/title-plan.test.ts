// The plan of a title query: the bigram index, or a scan in catalogue order for
// a word common in the caller's scope (catalogue-search/title-plan.ts).
import { titleQuery } from "@dangan/domain";
import { describe, expect, it } from "vitest";
import { MAINTENANCE_HOUR, maintenanceDue } from "../../src/lib/embedded-maintenance.ts";
import {
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
    ["监理", 0.04],
    ["理的", 0.05],
    ["的决", 0.03],
    ["决定", 0.06],
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

  it("[D-10.1] judges a phrase by its rarest bigram; a one-character word is always a scan", () => {
    expect(plan("监理的决定", client(CLIENT))).toBe("scan"); // rarest 0.03
    expect(plan("监理协议", client(CLIENT))).toBe("index"); // 协议 0.01, 理协 unknown
    expect(plan("湿", client(CLIENT))).toBe("scan");
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
