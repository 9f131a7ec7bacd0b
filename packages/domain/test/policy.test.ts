import { describe, expect, it } from "vitest";
import {
  type ProjectParties,
  policy,
  projectRelation,
  readScope,
  systemActor,
  type UserActor,
} from "../src/index.ts";

const user = (over: Partial<UserActor>): UserActor => ({
  type: "user",
  userId: "u",
  orgId: "x",
  orgKind: "client",
  roles: ["client_archive_officer"],
  regulatorLevel: null,
  supervisedDistricts: [],
  ...over,
});
const p: ProjectParties = {
  clientOrgId: "c",
  agencyOrgId: "a",
  clientDistrict: "pudong",
  agencyDistrict: "jiading",
};

describe("permission policy", () => {
  it("[G-4] relates each party to a project and nobody else", () => {
    expect(projectRelation(user({ orgId: "c" }), p)).toBe("client");
    expect(projectRelation(user({ orgId: "a", orgKind: "agency", roles: ["agency_manager"] }), p)).toBe(
      "agency",
    );
    expect(projectRelation(user({ orgId: "other" }), p)).toBeNull();
    expect(projectRelation(systemActor("cli"), p)).toBe("system");
  });

  it("[G-7] lets regulators supervise their districts; the city level supervises all", () => {
    const district = user({
      orgId: "r",
      orgKind: "regulator",
      roles: ["regulator_inspector"],
      regulatorLevel: "district",
      supervisedDistricts: ["jiading"],
    });
    expect(projectRelation(district, p)).toBe("supervisor");
    expect(projectRelation({ ...district, supervisedDistricts: ["xuhui"] }, p)).toBeNull();
    expect(projectRelation({ ...district, regulatorLevel: "city", supervisedDistricts: [] }, p)).toBe(
      "supervisor",
    );
    expect(readScope({ ...district, regulatorLevel: "city" })).toEqual({ kind: "all" });
    expect(readScope(district)).toEqual({ kind: "districts", districts: ["jiading"] });
  });

  it("[G-9][G-11] leaves running a project to the client's managers", () => {
    expect(policy.manageProject(user({ orgId: "c" }), p)).toBe(true);
    expect(policy.manageProject(user({ orgId: "a", orgKind: "agency", roles: ["agency_manager"] }), p)).toBe(
      false,
    );
    expect(
      policy.manageProject(
        user({ orgId: "r", orgKind: "regulator", roles: ["regulator_admin"], regulatorLevel: "city" }),
        p,
      ),
    ).toBe(false);
  });

  it("[G-12] reserves an agency's standing to a supervising regulator administrator", () => {
    const agencyRef = { id: "a", kind: "agency" as const, district: "jiading" };
    const manager = user({ orgId: "a", orgKind: "agency", roles: ["agency_manager"] });
    expect(policy.updateOrganisationProfile(manager, agencyRef)).toBe(true);
    expect(policy.changeStanding(manager, agencyRef)).toBe(false);
    const regulator = user({
      orgId: "r",
      orgKind: "regulator",
      roles: ["regulator_admin"],
      regulatorLevel: "district",
      supervisedDistricts: ["jiading"],
    });
    expect(policy.changeStanding(regulator, agencyRef)).toBe(true);
    expect(policy.changeStanding({ ...regulator, roles: ["regulator_inspector"] }, agencyRef)).toBe(false);
  });

  it("[G-4] keeps clients out of the public registry except for their relations", () => {
    const clientRef = { id: "c", kind: "client" as const, district: "pudong" };
    expect(policy.readOrganisation(user({ orgId: "other" }), clientRef, false)).toBe(false);
    expect(policy.readOrganisation(user({ orgId: "other" }), clientRef, true)).toBe(true);
    expect(policy.readOrganisation(user({ orgId: "other" }), { ...clientRef, kind: "agency" }, false)).toBe(
      true,
    );
  });
});
