import { describe, expect, it } from "vitest";
import {
  acceptanceItems,
  acceptanceRecordSchema,
  assertAcceptancePassable,
  DomainError,
  evaluateAcceptance,
} from "../src/index.ts";

const open = (zh: string) => [{ zh, en: zh }];

describe("final acceptance", () => {
  it("[Z-8.2] lists devices, media handover, CCTV recordings, physical handovers and quality for digitization", () => {
    const keys = acceptanceItems("digitization").map((i) => `${i.key}:${i.clause}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        "devices:Z-8.3",
        "media_handover:Z-7.7",
        "cctv_recordings:Z-5.5",
        "originals_returned:Z-8.1",
        "quality:Z-7.4",
        "ledger_problems:G-11",
      ]),
    );
    expect(acceptanceItems("custody").map((i) => i.key)).toEqual([
      "ledger_problems",
      "rectifications",
      "incidents",
    ]);
  });

  it("[Z-8.2] refuses to pass while any item is open, naming each", () => {
    const defs = acceptanceItems("digitization");
    const items = evaluateAcceptance(defs, { devices: open("扫描仪 SN-1 外出维修未归还") }, [
      "cctv_recordings",
    ]);
    expect(items.find((i) => i.key === "devices")).toMatchObject({ ok: false });
    expect(items.find((i) => i.key === "cctv_recordings")).toMatchObject({ ok: true });
    try {
      assertAcceptancePassable(items);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).clause).toBe("Z-8.2");
      expect((e as DomainError).details).toEqual({ open: ["devices"] });
    }
    // A manual item counts as open until the client confirms it in person.
    const unconfirmed = evaluateAcceptance(defs, {});
    expect(unconfirmed.filter((i) => !i.ok).map((i) => i.key)).toEqual(["cctv_recordings"]);
    expect(() => assertAcceptancePassable(evaluateAcceptance(defs, {}, ["cctv_recordings"]))).not.toThrow();
  });

  it("[G-11] a failed acceptance must say what is to be fixed", () => {
    expect(acceptanceRecordSchema.safeParse({ verdict: "failed" }).success).toBe(false);
    expect(acceptanceRecordSchema.safeParse({ verdict: "failed", requirement: "补交备份介质" }).success).toBe(
      true,
    );
    expect(acceptanceRecordSchema.safeParse({ verdict: "passed" }).success).toBe(true);
  });
});
