// Shared set-up for the facilities tests: a fresh custody agency with its own
// users (so findings do not depend on demo data), sites, vaults and boxes.
import { systemActor } from "@dangan/domain";
import { expect } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/demo-world.ts";
import type { Client, TestApp } from "../harness.ts";

let n = 0;

/** A custody agency in Jiading with a manager and a vault keeper. */
export async function freshAgency(t: TestApp) {
  const op = systemActor("facilities test");
  const i = ++n;
  const agency = await t.services.organisations.create(op, {
    kind: "agency",
    name: `测试托管公司${i}`,
    district: "jiading",
    serviceTypes: ["custody"],
    licenceNumber: `31011400000${String(i).padStart(4, "0")}`,
  });
  const people = {} as Record<"manager" | "keeper", { id: string; username: string }>;
  for (const role of ["manager", "keeper"] as const) {
    const username = `fac${i}.${role}`;
    const u = await t.services.users.create(op, {
      orgId: agency.id,
      username,
      displayName: `${role}${i}`,
      roles: [role === "manager" ? "agency_manager" : "agency_vault_keeper"],
      password: DEMO_PASSWORD,
    });
    people[role] = { id: u.id, username };
  }
  return { agencyId: agency.id, ...people };
}

export async function newSite(c: Client, body: Record<string, unknown> = {}) {
  const r = await c.post("/api/sites", { name: `场地${++n}`, ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; agencyOrgId: string };
}

/** A vault that meets every D-5.5–D-5.9 figure unless overridden. */
export const GOOD_VAULT = {
  floorAreaM2: 300,
  clearHeightM: 2.8,
  floorLoadKnM2: 12.5,
  shelvingType: "compact",
  fireWallZoneH: 4,
  fireWallRoomH: 3,
  fireWallInnerH: 2,
  mainAisleM: 1.3,
  rowSpacingM: 0.8,
  endClearanceM: 0.6,
  backClearanceM: 0.1,
};

export async function newVault(c: Client, siteId: string, body: Record<string, unknown> = {}) {
  const r = await c.post("/api/vaults", {
    siteId,
    code: `V${++n}`,
    name: `库房${n}`,
    ...GOOD_VAULT,
    ...body,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; code: string; agencyOrgId: string };
}

/** Inserts a box directly (boxes belong to other modules) at a location. */
export async function putBox(
  t: TestApp,
  p: { projectId: string; locationId: string | null; carrier?: string },
): Promise<string> {
  const project = await t.services.db
    .selectFrom("project")
    .select(["clientOrgId", "agencyOrgId"])
    .where("id", "=", p.projectId)
    .executeTakeFirstOrThrow();
  const no = `B${++n}-${Date.now()}`;
  const row = await t.services.db
    .insertInto("box")
    .values({
      projectId: p.projectId,
      clientOrgId: project.clientOrgId,
      agencyOrgId: project.agencyOrgId,
      boxNo: no,
      barcode: `BC-${no}`,
      kind: "storage",
      carrier: p.carrier ?? "paper",
      status: p.locationId ? "shelved" : "received",
      locationId: p.locationId,
      homeLocationId: p.locationId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export const failedItems = (findings: { ok: boolean; clause: string; item: string }[]) =>
  findings.filter((f) => !f.ok).map((f) => `${f.clause} ${f.item}`);
