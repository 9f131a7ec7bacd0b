// The originals rules (Z-6.1–Z-8.1), one test per rule and refusal.
import { describe, expect, it } from "vitest";
import type { UserActor } from "../src/access/actor.ts";
import {
  assertBatchStartable,
  assertConditionRecordable,
  assertDigitizationActive,
  assertListable,
  assertReturnClosable,
  assertStationHandover,
  assertStopDecidable,
  assertStoppable,
  assertVolumeBatchable,
  assertVolumeNotStopped,
  conditionFinding,
  evaluateOriginalsReturn,
  handoverDigest,
  originalsPolicy,
  validateVolumeRows,
} from "../src/digitization/originals/index.ts";

const code = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return (e as { code: string; clause?: string }).code;
  }
  return "passed";
};

const user = (orgId: string, roles: string[]): UserActor =>
  ({
    type: "user",
    userId: "u",
    orgId,
    orgKind: "client",
    roles,
    regulatorLevel: null,
    supervisedDistricts: [],
  }) as UserActor;
const parties = { clientOrgId: "c", agencyOrgId: "a", clientDistrict: "pudong", agencyDistrict: "xuhui" };

describe("digitization originals rules", () => {
  it("[Z-6.1] only a cleared volume, in no other batch and not returned, enters a batch", () => {
    const v = { referenceCode: "X", screening: "cleared", status: "at_agency", batchId: null };
    expect(code(() => assertVolumeBatchable(v))).toBe("passed");
    expect(code(() => assertVolumeBatchable({ ...v, screening: "flagged" }))).toBe(
      "VOLUME_FLAGGED_CLASSIFIED",
    );
    expect(code(() => assertVolumeBatchable({ ...v, screening: "pending" }))).toBe("VOLUME_NOT_SCREENED");
    expect(code(() => assertVolumeBatchable({ ...v, batchId: "b" }))).toBe("VOLUME_ALREADY_BATCHED");
    expect(code(() => assertVolumeBatchable({ ...v, status: "returned" }))).toBe("VOLUME_RETURNED");
  });

  it("[Z-6.1] validates a volume list by row and column with the reference-code parser", () => {
    const header = ["档号", "题名", "件数", "页数"];
    const ok = validateVolumeRows(header, [{ row: 2, cells: ["Z109-KJ·2010-Y-JJ-0001", "甲", "3", ""] }]);
    expect(ok.problems).toEqual([]);
    expect(ok.rows[0]).toMatchObject({
      referenceCode: "Z109-KJ·2010-Y-JJ-0001",
      itemCount: 3,
      expectedPages: null,
    });
    const bad = validateVolumeRows(header, [
      { row: 2, cells: ["Z109-KJ·2010-Y-JJ-0001", "甲", "3", ""] },
      { row: 3, cells: ["Z109-KJ·2010-Y-JJ-0001", "乙", "1.5", "x"] },
    ]);
    expect(bad.rows).toEqual([]);
    expect(bad.problems.map((p) => `${p.row}:${p.column}:${p.code}`)).toEqual([
      "3:referenceCode:duplicate_in_file",
      "3:quantity:not_a_number",
      "3:pages:not_a_number",
    ]);
    const held = validateVolumeRows(
      header,
      [{ row: 2, cells: ["Z109-KJ·2010-Y-JJ-0001", "甲", "3", ""] }],
      new Set(["Z109-KJ·2010-Y-JJ-0001"]),
    );
    expect(held.problems[0]?.code).toBe("duplicate_held");
    expect(validateVolumeRows(["档号", "题名"], []).problems[0]).toMatchObject({
      code: "missing_column",
      column: "quantity",
    });
  });

  it("[Z-6.2] unshelving and screening are the client's; the agency works on the originals", () => {
    const officer = user("c", ["client_archive_officer"]);
    const operator = { ...user("a", ["agency_operator"]), orgKind: "agency" } as UserActor;
    expect(originalsPolicy.unshelve(officer, parties)).toBe(true);
    expect(originalsPolicy.unshelve(operator, parties)).toBe(false);
    expect(originalsPolicy.screen(operator, parties)).toBe(false);
    expect(originalsPolicy.work(operator, parties)).toBe(true);
    expect(originalsPolicy.work(officer, parties)).toBe(false);
    expect(originalsPolicy.stop(operator, parties)).toBe(true);
    expect(originalsPolicy.decideStop(operator, parties)).toBe(false);
    expect(originalsPolicy.read(user("z", ["client_admin"]), parties)).toBe(false);
  });

  it("[Z-6.3] handover lists need a started digitization project and screened, unshelved volumes", () => {
    expect(code(() => assertDigitizationActive({ serviceType: "custody", status: "active" }))).toBe(
      "NOT_A_DIGITIZATION_PROJECT",
    );
    expect(code(() => assertDigitizationActive({ serviceType: "digitization", status: "draft" }))).toBe(
      "PROJECT_NOT_ACTIVE",
    );
    const c = {
      referenceCode: "X",
      screening: "cleared",
      status: "unshelved",
      openStopId: null,
      onPendingList: false,
      withdrawn: false,
      atWorkstation: false,
      hasReturnCondition: false,
    };
    expect(code(() => assertListable("to_agency", c))).toBe("passed");
    expect(code(() => assertListable("to_agency", { ...c, status: "registered" }))).toBe(
      "VOLUME_NOT_UNSHELVED",
    );
    expect(code(() => assertListable("to_agency", { ...c, screening: "flagged" }))).toBe(
      "VOLUME_FLAGGED_CLASSIFIED",
    );
    expect(code(() => assertListable("to_agency", { ...c, onPendingList: true }))).toBe(
      "VOLUME_ON_PENDING_LIST",
    );
    const back = { ...c, status: "at_agency", hasReturnCondition: true };
    expect(code(() => assertListable("to_client", back))).toBe("passed");
    expect(code(() => assertListable("to_client", { ...back, openStopId: "s" }))).toBe("VOLUME_STOPPED");
    expect(code(() => assertListable("to_client", { ...back, atWorkstation: true }))).toBe(
      "VOLUME_STILL_IN_WORK",
    );
    expect(code(() => assertListable("to_client", { ...back, atWorkstation: true, withdrawn: true }))).toBe(
      "passed",
    );
    expect(code(() => assertListable("to_client", { ...back, hasReturnCondition: false }))).toBe(
      "RETURN_CONDITION_MISSING",
    );
  });

  it("[Z-6.3] the digest covers the list's content, whatever the line order", () => {
    const doc = {
      code: "JJ-1",
      projectId: "p",
      direction: "to_agency" as const,
      handedAt: "2026-01-01T00:00:00.000Z",
      clientHandlerName: "甲",
      agencyHandlerName: "乙",
      lines: [
        { referenceCode: "A", title: "a", itemCount: 1, pages: null, quality: "完好" },
        { referenceCode: "B", title: "b", itemCount: 2, pages: 5, quality: "完好" },
      ],
    };
    expect(handoverDigest(doc)).toBe(handoverDigest({ ...doc, lines: [...doc.lines].reverse() }));
    expect(handoverDigest(doc)).not.toBe(
      handoverDigest({ ...doc, lines: [{ ...doc.lines[0]!, itemCount: 9 }, doc.lines[1]!] }),
    );
  });

  it("[Z-6.4] damage, or a worse condition on return than on receipt, is a finding", () => {
    expect(conditionFinding("receipt", "damaged", null)).toBe("damaged");
    expect(conditionFinding("receipt", "fair", null)).toBeNull();
    expect(conditionFinding("return", "poor", "good")).toBe("worse_on_return");
    expect(conditionFinding("return", "fair", "fair")).toBeNull();
    expect(conditionFinding("return", "damaged", "damaged")).toBeNull();
    const v = { referenceCode: "X", status: "at_agency" };
    expect(code(() => assertConditionRecordable(v, "receipt", { receipt: true, return: false }))).toBe(
      "CONDITION_ALREADY_RECORDED",
    );
    expect(
      code(() =>
        assertConditionRecordable({ ...v, status: "unshelved" }, "receipt", {
          receipt: false,
          return: false,
        }),
      ),
    ).toBe("VOLUME_NOT_RECEIVED");
    expect(code(() => assertConditionRecordable(v, "return", { receipt: false, return: false }))).toBe(
      "RECEIPT_CONDITION_MISSING",
    );
  });

  it("[Z-6.5] a batch starts only with fixed storage and received volumes", () => {
    const b = { status: "open", hasStorage: true, volumes: [{ referenceCode: "X", status: "at_agency" }] };
    expect(code(() => assertBatchStartable(b))).toBe("passed");
    expect(code(() => assertBatchStartable({ ...b, hasStorage: false }))).toBe("STORAGE_NOT_FIXED");
    expect(code(() => assertBatchStartable({ ...b, volumes: [] }))).toBe("BATCH_EMPTY");
    expect(
      code(() => assertBatchStartable({ ...b, volumes: [{ referenceCode: "X", status: "unshelved" }] })),
    ).toBe("VOLUMES_NOT_RECEIVED");
    expect(code(() => assertBatchStartable({ ...b, status: "in_progress" }))).toBe("BATCH_ALREADY_STARTED");
  });

  it("[Z-7.2] a station handover is between people posted at the two stations, for volumes at the first", () => {
    const vol = {
      id: "v",
      referenceCode: "X",
      batchId: "b",
      withdrawn: false,
      status: "at_agency",
      currentWorkstationId: "w1",
      openStopId: null,
    };
    const d = {
      batchId: "b",
      batchStatus: "in_progress",
      from: "w1",
      to: "w2",
      giverPersonId: "g",
      receiverPersonId: "r",
      volumes: [vol],
    };
    const people = { fromStaff: ["g"], toStaff: ["r"] };
    expect(code(() => assertStationHandover(d, people))).toBe("passed");
    expect(code(() => assertStationHandover({ ...d, batchStatus: "open" }, people))).toBe(
      "BATCH_NOT_STARTED",
    );
    expect(code(() => assertStationHandover({ ...d, to: "w1" }, people))).toBe("SAME_STATION");
    expect(code(() => assertStationHandover({ ...d, volumes: [] }, people))).toBe("NOTHING_HANDED_OVER");
    expect(code(() => assertStationHandover({ ...d, declaredQuantity: 2 }, people))).toBe(
      "QUANTITY_MISMATCH",
    );
    expect(code(() => assertStationHandover({ ...d, volumes: [{ ...vol, batchId: "c" }] }, people))).toBe(
      "VOLUME_NOT_IN_BATCH",
    );
    expect(
      code(() => assertStationHandover({ ...d, volumes: [{ ...vol, currentWorkstationId: null }] }, people)),
    ).toBe("VOLUME_NOT_AT_STATION");
    expect(code(() => assertStationHandover(d, { fromStaff: [], toStaff: ["r"] }))).toBe(
      "GIVER_NOT_AT_STATION",
    );
    expect(code(() => assertStationHandover(d, { fromStaff: ["g"], toStaff: [] }))).toBe(
      "RECEIVER_NOT_AT_STATION",
    );
  });

  it("[Z-7.3] a stopped volume is held until the client decides; one open stop at a time", () => {
    expect(code(() => assertVolumeNotStopped({ referenceCode: "X", openStopId: "s" }))).toBe(
      "VOLUME_STOPPED",
    );
    expect(
      code(() =>
        assertStationHandover(
          {
            batchId: "b",
            batchStatus: "in_progress",
            from: null,
            to: "w",
            giverPersonId: "g",
            receiverPersonId: "r",
            volumes: [
              {
                id: "v",
                referenceCode: "X",
                batchId: "b",
                withdrawn: false,
                status: "at_agency",
                currentWorkstationId: null,
                openStopId: "s",
              },
            ],
          },
          { fromStaff: ["g"], toStaff: ["r"] },
        ),
      ),
    ).toBe("VOLUME_STOPPED");
    const v = { referenceCode: "X", openStopId: null, status: "at_agency", withdrawn: false };
    expect(code(() => assertStoppable(v))).toBe("passed");
    expect(code(() => assertStoppable({ ...v, openStopId: "s" }))).toBe("VOLUME_ALREADY_STOPPED");
    expect(code(() => assertStoppable({ ...v, withdrawn: true }))).toBe("VOLUME_NOT_IN_WORK");
    expect(code(() => assertStopDecidable({ resolvedAt: new Date() }, "resume", true))).toBe(
      "STOP_ALREADY_DECIDED",
    );
    expect(code(() => assertStopDecidable({ resolvedAt: null }, "withdraw", false))).toBe(
      "VOLUME_NOT_IN_BATCH",
    );
  });

  it("[Z-8.1] the return is checked volume by volume against the list; a missing volume keeps it open", () => {
    const r = evaluateOriginalsReturn(["a", "b", "c"], new Set(["a", "b"]), [
      { volumeId: "a", outcome: "present" },
      { volumeId: "b", outcome: "damaged" },
      { volumeId: "c", outcome: "missing" },
      { volumeId: "x", outcome: "present" },
    ]);
    expect(r).toEqual({ present: ["a"], damaged: ["b"], missing: ["c"], extra: ["x"] });
    expect(
      code(() => evaluateOriginalsReturn(["a"], new Set(), [{ volumeId: "a", outcome: "present" }])),
    ).toBe("VOLUME_NOT_RETURNED");
    expect(
      code(() =>
        evaluateOriginalsReturn(["a", "b"], new Set(["a"]), [{ volumeId: "a", outcome: "present" }]),
      ),
    ).toBe("RETURN_NOT_CHECKED");
    const list = { direction: "to_agency", status: "confirmed" };
    expect(code(() => assertReturnClosable(list, { checked: 3, listed: 3, missing: 0 }))).toBe("passed");
    expect(code(() => assertReturnClosable(list, { checked: 3, listed: 3, missing: 1 }))).toBe(
      "RETURN_MISSING_VOLUMES",
    );
    expect(code(() => assertReturnClosable(list, { checked: 2, listed: 3, missing: 0 }))).toBe(
      "RETURN_NOT_CHECKED",
    );
    expect(
      code(() => assertReturnClosable({ ...list, status: "closed" }, { checked: 3, listed: 3, missing: 0 })),
    ).toBe("HANDOVER_ALREADY_CLOSED");
    expect(
      code(() =>
        assertReturnClosable({ ...list, direction: "to_client" }, { checked: 3, listed: 3, missing: 0 }),
      ),
    ).toBe("NOT_A_HANDOVER_OUT");
  });
});
