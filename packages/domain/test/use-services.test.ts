import { describe, expect, it } from "vitest";
import type { UserActor } from "../src/access/actor.ts";
import {
  DOWNLOAD_DAYS,
  downloadExpiry,
  downloadRefusal,
  evaluateReturnCheck,
  loanDaysOverdue,
  loanRecordRefusal,
  receiverRefusal,
  reshelveRefusal,
  scanCameraRefusal,
  useServicesPolicy,
} from "../src/retrieval/index.ts";

const AGENCY = "a1";
const camera = { agencyOrgId: AGENCY, covers: ["workstation"], recordingAllDay: true };

describe("remote copies", () => {
  it("[D-10.8] accepts a scan under an agency camera covering a workstation", () => {
    expect(scanCameraRefusal(camera, AGENCY)).toBeUndefined();
  });
  it("[D-10.8] refuses a scan without a camera, under another agency's camera or one not covering scanning", () => {
    expect(scanCameraRefusal(undefined, AGENCY)?.code).toBe("SCAN_CAMERA_UNKNOWN");
    expect(scanCameraRefusal({ ...camera, agencyOrgId: "other" }, AGENCY)?.code).toBe("SCAN_CAMERA_UNKNOWN");
    expect(scanCameraRefusal({ ...camera, covers: ["lift", "door"] }, AGENCY)?.code).toBe(
      "SCAN_CAMERA_NOT_COVERING",
    );
    expect(scanCameraRefusal({ ...camera, recordingAllDay: false }, AGENCY)?.clause).toBe("D-10.8");
  });
  it("[D-3.12] a download expires after its days and may not run past the maximum", () => {
    const at = new Date("2026-03-01T00:00:00Z");
    const exp = downloadExpiry(at, 7);
    expect(exp.toISOString()).toBe("2026-03-08T00:00:00.000Z");
    expect(
      downloadRefusal({ expiresAt: exp, withdrawnAt: null }, new Date("2026-03-07T23:59:00Z")),
    ).toBeUndefined();
    expect(downloadRefusal({ expiresAt: exp, withdrawnAt: null }, exp)?.code).toBe("DOWNLOAD_EXPIRED");
    expect(downloadRefusal({ expiresAt: exp, withdrawnAt: at }, at)?.code).toBe("DOWNLOAD_WITHDRAWN");
    expect(() => downloadExpiry(at, DOWNLOAD_DAYS.max + 1)).toThrow(/30/);
  });
});

describe("loans", () => {
  const at = new Date("2026-03-01T02:00:00Z");
  const ok = { consentGiven: true, dueOn: "2026-03-20", deliveryAt: new Date("2026-03-02T02:00:00Z"), at };
  it("[D-10.6] refuses a loan record without the client's written consent", () => {
    expect(loanRecordRefusal(ok)).toBeUndefined();
    expect(loanRecordRefusal({ ...ok, consentGiven: false })?.code).toBe("LOAN_CONSENT_REQUIRED");
  });
  it("[D-10.6] refuses a due date on or before delivery, or too far away", () => {
    expect(loanRecordRefusal({ ...ok, dueOn: "2026-03-02" })?.code).toBe("LOAN_DUE_INVALID");
    expect(loanRecordRefusal({ ...ok, dueOn: "2026-12-31" })?.code).toBe("LOAN_TOO_LONG");
  });
  it("[D-10.6] hands over only to the person named, with the same ID number", () => {
    const expected = { name: "王 芳", idNumber: "31010119800101123x" };
    expect(receiverRefusal(expected, { name: "王芳", idNumber: "31010119800101123X" })).toBeUndefined();
    expect(receiverRefusal(expected, { name: "李四", idNumber: "31010119800101123X" })?.code).toBe(
      "RECEIVER_MISMATCH",
    );
    expect(receiverRefusal(expected, { name: "王芳", idNumber: "310101199001011234" })?.code).toBe(
      "RECEIVER_MISMATCH",
    );
    expect(receiverRefusal({ name: "王芳", idNumber: null }, { name: "王芳", idNumber: "" })?.code).toBe(
      "RECEIVER_ID_NOT_CHECKED",
    );
  });
  it("[D-10.6] counts days overdue in Shanghai time, none once back", () => {
    const loan = { dueOn: "2026-03-10", returnedAt: null };
    expect(loanDaysOverdue(loan, new Date("2026-03-10T15:59:00Z"))).toBe(0);
    expect(loanDaysOverdue(loan, new Date("2026-03-10T16:01:00Z"))).toBe(1);
    expect(loanDaysOverdue(loan, new Date("2026-03-15T04:00:00Z"))).toBe(5);
    expect(loanDaysOverdue({ ...loan, returnedAt: new Date() }, new Date("2026-04-01T00:00:00Z"))).toBe(0);
  });
});

describe("return check", () => {
  const out = ["i1", "i2", "i3"];
  it("[D-11.1] passes when every item is present and the quantities agree", () => {
    const lines = out.map((itemId) => ({ itemId, outcome: "present" as const }));
    expect(evaluateReturnCheck(out, lines, 3)).toMatchObject({ present: 3, discrepancies: 0 });
  });
  it("[D-11.1] refuses a check that skips an item, adds one that did not go out, or disagrees on quantity", () => {
    const two = out.slice(0, 2).map((itemId) => ({ itemId, outcome: "present" as const }));
    expect(() => evaluateReturnCheck(out, two, 2)).toThrow(
      expect.objectContaining({ code: "RETURN_NOT_CHECKED" }),
    );
    expect(() => evaluateReturnCheck(out, [...two, { itemId: "x", outcome: "present" }], 3)).toThrow(
      expect.objectContaining({ code: "RETURN_ITEM_NOT_OUT" }),
    );
    const all = out.map((itemId) => ({ itemId, outcome: "present" as const }));
    expect(() => evaluateReturnCheck(out, all, 2)).toThrow(
      expect.objectContaining({ code: "RETURN_QUANTITY_NOT_AGREED" }),
    );
  });
  it("[D-11.1] counts missing and damaged items as discrepancies", () => {
    const lines = [
      { itemId: "i1", outcome: "present" as const },
      { itemId: "i2", outcome: "missing" as const },
      { itemId: "i3", outcome: "damaged" as const },
    ];
    expect(evaluateReturnCheck(out, lines, 2)).toEqual({
      present: 2,
      missing: ["i2"],
      damaged: ["i3"],
      discrepancies: 2,
    });
  });
  it("[D-11.2] re-shelves a checked-out box only at its recorded home location", () => {
    const box = { boxNo: "B-1", homeLocationId: "L1", status: "checked_out" };
    expect(reshelveRefusal(box, "L1")).toBeUndefined();
    expect(reshelveRefusal(box, "L2")?.code).toBe("RESHELVE_NOT_HOME");
    expect(reshelveRefusal({ ...box, status: "shelved" }, "L1")?.code).toBe("BOX_NOT_OUT");
  });
});

describe("use-services policy", () => {
  const user = (orgId: string, roles: UserActor["roles"]): UserActor => ({
    type: "user",
    userId: "u",
    orgId,
    orgKind: roles[0]!.startsWith("client") ? "client" : "agency",
    roles,
    regulatorLevel: null,
    supervisedDistricts: [],
  });
  const r = { clientOrgId: "c1", agencyOrgId: AGENCY, submitterOrgId: "t1" };
  it("[D-10.6] only the agency's staff serve; only the client's responsible staff consent to a loan", () => {
    expect(useServicesPolicy.serve(user(AGENCY, ["agency_operator"]), r)).toBe(true);
    expect(useServicesPolicy.serve(user("c1", ["client_admin"]), r)).toBe(false);
    expect(useServicesPolicy.consentLoan(user("c1", ["client_archive_officer"]), r)).toBe(true);
    expect(useServicesPolicy.consentLoan(user(AGENCY, ["agency_manager"]), r)).toBe(false);
  });
  it("[D-3.12] only the requesting side downloads delivered copies", () => {
    expect(useServicesPolicy.download(user("t1", ["client_admin"]), r)).toBe(true);
    expect(useServicesPolicy.download(user("c1", ["client_admin"]), r)).toBe(true);
    expect(useServicesPolicy.download(user(AGENCY, ["agency_manager"]), r)).toBe(false);
  });
});
