import { describe, expect, it } from "vitest";
import { applyTransition, DomainError, nextActions, projectWorkflow } from "../src/index.ts";

const ready = {
  contractSigned: true,
  agencyStatus: "active" as const,
  serviceType: "custody" as const,
  acceptancePassed: false,
};

describe("project workflow", () => {
  it("[G-10] vetoes start without a signed contract and says so in nextActions", () => {
    expect(() =>
      applyTransition(projectWorkflow, "draft", "start", { ...ready, contractSigned: false }),
    ).toThrow(DomainError);
    const start = nextActions(projectWorkflow, "draft", { ...ready, contractSigned: false }).find(
      (a) => a.action === "start",
    );
    expect(start?.blockedBy).toMatchObject({ code: "CONTRACT_NOT_SIGNED", clause: "G-10" });
    expect(applyTransition(projectWorkflow, "draft", "start", ready)).toBe("active");
  });

  it("[G-12] vetoes resuming with a suspended agency", () => {
    expect(() =>
      applyTransition(projectWorkflow, "suspended", "resume", { ...ready, agencyStatus: "suspended" }),
    ).toThrow(/registration/);
  });

  it("[Z-8.2][Z-7.7] completes a digitization project only after a passed final acceptance", () => {
    const digit = { ...ready, serviceType: "digitization" as const };
    const complete = nextActions(projectWorkflow, "active", digit).find((a) => a.action === "complete");
    expect(complete?.blockedBy).toMatchObject({ code: "ACCEPTANCE_NOT_PASSED", clause: "Z-8.2" });
    expect(applyTransition(projectWorkflow, "active", "complete", { ...digit, acceptancePassed: true })).toBe(
      "completed",
    );
    expect(applyTransition(projectWorkflow, "active", "complete", ready)).toBe("completed");
  });

  it("refuses moves that are not in the table", () => {
    try {
      applyTransition(projectWorkflow, "completed", "start", ready);
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe("TRANSITION_NOT_ALLOWED");
    }
    expect(nextActions(projectWorkflow, "completed", ready)).toEqual([]);
  });

  it("offers exactly the table's moves from each state", () => {
    expect(
      nextActions(projectWorkflow, "active", ready)
        .map((a) => a.action)
        .sort(),
    ).toEqual(["complete", "suspend"]);
    expect(
      nextActions(projectWorkflow, "suspended", ready)
        .map((a) => a.action)
        .sort(),
    ).toEqual(["cancel", "resume"]);
  });
});
