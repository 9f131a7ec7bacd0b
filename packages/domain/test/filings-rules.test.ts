import { describe, expect, it } from "vitest";
import {
  applyTransition,
  assertIncidentClosable,
  assertIncidentCloser,
  filingRegulator,
  filingWorkflow,
  requiresFiling,
  standingWorkflow,
} from "../src/index.ts";

const city = { id: "city", regulatorLevel: "city" as const, supervisedDistricts: [] };
const pudong = { id: "pudong", regulatorLevel: "district" as const, supervisedDistricts: ["pudong"] };
const regulator = { text: undefined, actorIsRegulator: true, actorIsClient: false };
const client = { text: "已补充合同附件", actorIsRegulator: false, actorIsClient: true };

describe("filings (G-7), standing (G-12), incident accountability (G-7)", () => {
  it("[G-7] files only national-scope deposits with an agency", () => {
    expect(requiresFiling({ hasNationalScope: true, serviceType: "custody" })).toBe(true);
    expect(requiresFiling({ hasNationalScope: false, serviceType: "custody" })).toBe(false);
    expect(requiresFiling({ hasNationalScope: true, serviceType: "digitization" })).toBe(false);
  });

  it("[G-7] sends the filing to the regulator of the client's level: its district bureau, else the city", () => {
    expect(filingRegulator("pudong", [city, pudong]).id).toBe("pudong");
    expect(filingRegulator("xuhui", [city, pudong]).id).toBe("city");
    expect(() => filingRegulator("xuhui", [pudong])).toThrow(/No regulator/);
  });

  it("[G-7] lets the regulator verify or return with questions, and the client resubmit with an answer", () => {
    expect(applyTransition(filingWorkflow, "submitted", "verify", regulator)).toBe("verified");
    expect(() => applyTransition(filingWorkflow, "submitted", "return", regulator)).toThrow(
      expect.objectContaining({ code: "FILING_QUESTIONS_REQUIRED", clause: "G-7" }),
    );
    expect(applyTransition(filingWorkflow, "submitted", "return", { ...regulator, text: "请补充数量" })).toBe(
      "returned",
    );
    expect(() => applyTransition(filingWorkflow, "submitted", "verify", client)).toThrow(
      expect.objectContaining({ code: "FILING_WRONG_PARTY" }),
    );
    expect(applyTransition(filingWorkflow, "returned", "resubmit", client)).toBe("submitted");
    expect(() => applyTransition(filingWorkflow, "verified", "return", regulator)).toThrow(
      expect.objectContaining({ code: "TRANSITION_NOT_ALLOWED" }),
    );
  });

  it("[G-12] changes an agency's standing only with a reason and along the table", () => {
    expect(applyTransition(standingWorkflow, "active", "suspend", { reason: "检查发现重大隐患" })).toBe(
      "suspended",
    );
    expect(() => applyTransition(standingWorkflow, "active", "suspend", { reason: " " })).toThrow(
      expect.objectContaining({ code: "STANDING_REASON_REQUIRED", clause: "G-12" }),
    );
    expect(() => applyTransition(standingWorkflow, "revoked", "reinstate", { reason: "x" })).toThrow(
      expect.objectContaining({ code: "TRANSITION_NOT_ALLOWED" }),
    );
  });

  it("[G-7] closes an incident only by the regulator, with investigation, measures and responsibility", () => {
    const reported = { source: "manual", severity: "major" };
    const client = { supervisingRegulator: false, projectClient: true };
    expect(() => assertIncidentCloser(reported, client)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => assertIncidentCloser({ source: "system", severity: "critical" }, client)).toThrow();
    expect(() => assertIncidentCloser({ source: "system", severity: "major" }, client)).not.toThrow();
    expect(() =>
      assertIncidentCloser(reported, { supervisingRegulator: true, projectClient: false }),
    ).not.toThrow();
    const done = {
      investigation: "查明原因",
      measures: "更换管道",
      responsibleParties: ["agency"],
      resolution: "结案",
    };
    expect(() => assertIncidentClosable(done)).not.toThrow();
    expect(() => assertIncidentClosable({ ...done, responsibleParties: [] })).toThrow(
      expect.objectContaining({ code: "RESPONSIBILITY_REQUIRED" }),
    );
    expect(() => assertIncidentClosable({ ...done, measures: null })).toThrow(
      expect.objectContaining({ code: "MEASURES_REQUIRED" }),
    );
  });
});
