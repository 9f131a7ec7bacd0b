import { describe, expect, it } from "vitest";
import {
  type AgencyFacts,
  assertForeignBackingChange,
  assertProjectAllowed,
  DomainError,
  type ProjectFacts,
} from "../src/index.ts";

const agency: AgencyFacts = {
  kind: "agency",
  serviceTypes: ["custody", "digitization", "arrangement"],
  foreignBacked: false,
  registrationStatus: "active",
};
const project: ProjectFacts = { serviceType: "custody", hasClassified: false, hasNationalScope: false };

function refusal(fn: () => void): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("project prohibitions", () => {
  it("[G-3][D-4.5] refuses classified archives in custody, citing D-4.5", () => {
    const e = refusal(() => assertProjectAllowed({ ...project, hasClassified: true }, agency));
    expect(e.code).toBe("CLASSIFIED_ARCHIVES_FORBIDDEN");
    expect(e.clause).toBe("D-4.5");
    expect(e.messages.zh).toMatch(/国家秘密/);
  });

  it("[Z-4.3] refuses classified archives for digitization, citing Z-4.3", () => {
    const e = refusal(() =>
      assertProjectAllowed(
        {
          ...project,
          serviceType: "digitization",
          hasClassified: true,
          siteKind: "client_premises",
          siteAddress: "x",
        },
        agency,
      ),
    );
    expect(e.clause).toBe("Z-4.3");
  });

  it("[G-3] refuses classified archives for arrangement, citing G-3", () => {
    expect(
      refusal(() =>
        assertProjectAllowed({ ...project, serviceType: "arrangement", hasClassified: true }, agency),
      ).clause,
    ).toBe("G-3");
  });

  it("[G-3][Z-4.4] refuses national-scope archives to a foreign-backed agency", () => {
    const foreign = { ...agency, foreignBacked: true };
    expect(refusal(() => assertProjectAllowed({ ...project, hasNationalScope: true }, foreign)).clause).toBe(
      "G-3",
    );
    const e = refusal(() =>
      assertProjectAllowed(
        {
          ...project,
          serviceType: "digitization",
          hasNationalScope: true,
          siteKind: "client_premises",
          siteAddress: "x",
        },
        foreign,
      ),
    );
    expect(e).toMatchObject({ code: "NATIONAL_SCOPE_FOREIGN_AGENCY", clause: "Z-4.4" });
  });

  it("[G-3] allows a foreign-backed agency archives outside the national scope", () => {
    expect(() => assertProjectAllowed(project, { ...agency, foreignBacked: true })).not.toThrow();
  });

  it("[G-2] refuses a service type the agency does not offer", () => {
    expect(
      refusal(() => assertProjectAllowed({ ...project, serviceType: "system_building" }, agency)).code,
    ).toBe("AGENCY_SERVICE_NOT_OFFERED");
  });

  it("[G-12] refuses an agency whose registration is not active", () => {
    expect(
      refusal(() => assertProjectAllowed(project, { ...agency, registrationStatus: "suspended" })).clause,
    ).toBe("G-12");
  });

  it("[Z-4.2] requires the client's premises or a designated site, with an address", () => {
    const d = { ...project, serviceType: "digitization" as const };
    expect(
      refusal(() => assertProjectAllowed({ ...d, siteKind: "agency_premises", siteAddress: "x" }, agency))
        .code,
    ).toBe("DIGITIZATION_SITE_NOT_ALLOWED");
    expect(refusal(() => assertProjectAllowed({ ...d, siteKind: undefined }, agency)).clause).toBe("Z-4.2");
    expect(
      refusal(() => assertProjectAllowed({ ...d, siteKind: "designated_site", siteAddress: " " }, agency))
        .code,
    ).toBe("DIGITIZATION_SITE_ADDRESS_REQUIRED");
    expect(() =>
      assertProjectAllowed(
        { ...d, siteKind: "designated_site", siteAddress: "松江集约化数字化中心" },
        agency,
      ),
    ).not.toThrow();
  });

  it("[G-3] refuses marking an agency foreign-backed while it holds national-scope work", () => {
    expect(refusal(() => assertForeignBackingChange(true, 2)).details).toEqual({
      openNationalScopeProjects: 2,
    });
    expect(() => assertForeignBackingChange(true, 0)).not.toThrow();
    expect(() => assertForeignBackingChange(false, 5)).not.toThrow();
  });

  it("checks the prohibitions in the order the guidance states them", () => {
    const e = refusal(() =>
      assertProjectAllowed(
        { ...project, hasClassified: true, hasNationalScope: true },
        { ...agency, foreignBacked: true, serviceTypes: [] },
      ),
    );
    expect(e.code).toBe("CLASSIFIED_ARCHIVES_FORBIDDEN");
  });
});
