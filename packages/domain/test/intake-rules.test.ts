// The intake transition table and its rules, without a database.
import { describe, expect, it } from "vitest";
import {
  applyTransition,
  assertSealable,
  boxBarcode,
  contentViewRefusal,
  escortProblem,
  type IntakeContext,
  inspectionAnomaly,
  intakeWorkflow,
  itemRange,
  nextActions,
  nextBoxNo,
  normaliseBarcode,
} from "../src/index.ts";

const ready: IntakeContext = {
  projectHasSiteVisit: true,
  itemCount: 3,
  unboxedItems: 0,
  boxCount: 2,
  boxesInTreatment: [],
  unsealedBoxes: [],
  uninspectedBoxes: [],
  unshelvedBoxes: [],
  openAnomalies: 0,
  repackConsent: true,
  register: null,
};
const both = { people: { client: 1, agency: 1 } };
const veto = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as { code: string; clause?: string };
  }
  throw new Error("not refused");
};

describe("intake workflow", () => {
  it("[D-7.2] blocks unshelving until the project has a site visit, and shows why", () => {
    const ctx = { ...ready, projectHasSiteVisit: false };
    expect(
      veto(() => applyTransition(intakeWorkflow, "site_visit", "unshelve", { ...ctx, input: both })),
    ).toMatchObject({
      code: "SITE_VISIT_REQUIRED",
      clause: "D-7.2",
    });
    const next = nextActions(intakeWorkflow, "site_visit", ctx);
    expect(next.map((a) => [a.action, a.blockedBy?.clause])).toEqual([
      ["site_visit", undefined],
      ["unshelve", "D-7.2"],
    ]);
    expect(applyTransition(intakeWorkflow, "site_visit", "unshelve", { ...ready, input: both })).toBe(
      "condition_check",
    );
  });

  it("[D-8.1] needs a client person at unshelving and boxing, but not for listing next actions", () => {
    const agencyOnly = { people: { client: 0, agency: 2 } };
    for (const [from, action] of [
      ["unshelving", "unshelve"],
      ["boxing", "finish_boxing"],
    ] as const)
      expect(
        veto(() => applyTransition(intakeWorkflow, from, action, { ...ready, input: agencyOnly })),
      ).toMatchObject({
        code: "INTAKE_PERSON_REQUIRED",
        clause: "D-8.1",
      });
    expect(nextActions(intakeWorkflow, "boxing", ready)[0]?.blockedBy).toBeUndefined();
  });

  it("[D-8.5] refuses to close boxing while items are unboxed", () => {
    expect(
      veto(() =>
        applyTransition(intakeWorkflow, "boxing", "finish_boxing", {
          ...ready,
          unboxedItems: 1,
          input: both,
        }),
      ),
    ).toMatchObject({ code: "ITEMS_NOT_BOXED", clause: "D-8.5" });
  });

  it("[D-8.4][D-8.6][D-8.7] loads only treated, sealed boxes with the right escorts", () => {
    const load = (
      ctx: Partial<IntakeContext>,
      people = { client: 1, agency: 1 },
      by: "client" | "agency" = "agency",
    ) =>
      applyTransition(intakeWorkflow, "sealing", "load", {
        ...ready,
        ...ctx,
        input: { people, transportBy: by },
      });
    expect(veto(() => load({ boxesInTreatment: ["0002"] }))).toMatchObject({ clause: "D-8.4" });
    expect(veto(() => load({ unsealedBoxes: ["0001"] }))).toMatchObject({
      code: "BOX_NOT_SEALED",
      clause: "D-8.6",
    });
    expect(veto(() => load({}, { client: 0, agency: 2 }))).toMatchObject({
      code: "CLIENT_ESCORT_REQUIRED",
      clause: "D-8.7",
    });
    expect(load({}, { client: 1, agency: 0 }, "client")).toBe("transport");
    expect(escortProblem("client", { client: 0, agency: 3 })).toMatchObject({ code: "ESCORT_REQUIRED" });
    expect(load({})).toBe("transport");
  });

  it("[D-8.8][D-8.9][D-9.1] completes only with every box shelved, anomalies handled and the register confirmed", () => {
    const complete = (ctx: Partial<IntakeContext>) =>
      applyTransition(intakeWorkflow, "shelving", "complete", { ...ready, ...ctx, input: both });
    expect(veto(() => complete({ unshelvedBoxes: ["0001"] }))).toMatchObject({ clause: "D-9.1" });
    expect(veto(() => complete({ openAnomalies: 1 }))).toMatchObject({
      code: "ANOMALY_OPEN",
      clause: "D-8.8",
    });
    expect(veto(() => complete({ register: { client: false, agency: true } }))).toMatchObject({
      clause: "D-8.9",
    });
    expect(complete({ register: { client: true, agency: true } })).toBe("completed");
    expect(
      veto(() =>
        applyTransition(intakeWorkflow, "repacking", "repack", {
          ...ready,
          repackConsent: false,
          input: both,
        }),
      ),
    ).toMatchObject({ code: "REPACK_CONSENT_REQUIRED", clause: "D-8.9" });
  });

  it("refuses steps out of order", () => {
    expect(veto(() => applyTransition(intakeWorkflow, "site_visit", "load", ready))).toMatchObject({
      code: "TRANSITION_NOT_ALLOWED",
    });
  });
});

describe("intake rules", () => {
  it("[D-8.8] classifies inspection findings, most serious first", () => {
    expect(inspectionAnomaly({ sealIntact: true, damaged: false, missingItems: 0 })).toBeNull();
    expect(inspectionAnomaly({ sealIntact: false, damaged: true, missingItems: 2 })).toMatchObject({
      kind: "loss",
      zh: "缺失2件，档案受损，封条破损",
    });
    expect(inspectionAnomaly({ sealIntact: false, damaged: false, missingItems: 0 })?.kind).toBe("anomaly");
  });

  it("[D-8.10] opens content to the client, and to the agency only under a grant", () => {
    expect(contentViewRefusal("client", false)).toBeUndefined();
    expect(contentViewRefusal("agency", true)).toBeUndefined();
    expect(contentViewRefusal("agency", false)).toMatchObject({ status: 403, clause: "D-8.10" });
    expect(contentViewRefusal("other", true)).toMatchObject({ clause: "D-8.10" });
  });

  it("[D-8.5] numbers boxes per project and makes barcodes a scanner can type back", () => {
    expect(nextBoxNo([])).toBe("0001");
    expect(nextBoxNo(["0001", "0009", "X-1"])).toBe("0010");
    expect(normaliseBarcode(` ${boxBarcode("P2026-0001", "0003").toLowerCase()}\r\n`)).toBe(
      "P2026-0001-0003",
    );
    expect(itemRange([{ referenceCode: "A-1" }, { referenceCode: null }, { referenceCode: "A-9" }])).toBe(
      "A-1 — A-9",
    );
  });

  it("[D-8.6][D-8.4] seals only a packed, non-empty, inspected box that is not held for treatment", () => {
    expect(veto(() => assertSealable({ status: "treatment", itemCount: 1 }, true))).toMatchObject({
      clause: "D-8.4",
    });
    expect(veto(() => assertSealable({ status: "packing", itemCount: 1 }, false))).toMatchObject({
      clause: "D-8.6",
    });
    expect(veto(() => assertSealable({ status: "packing", itemCount: 0 }, true))).toMatchObject({
      code: "BOX_EMPTY",
    });
    expect(() => assertSealable({ status: "packing", itemCount: 2 }, true)).not.toThrow();
  });
});
