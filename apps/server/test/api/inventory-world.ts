// A small custody world of its own (Fengxian, supervised by no demo regulator
// but the city), so that counts in the inventory, movement and statistics tests
// are exact whatever demo data other modules add. Locations, boxes and their
// contents are written directly; every movement goes through recordMovement.
import { inTransaction } from "@dangan/db";
import { type Role, systemActor } from "@dangan/domain";
import { DEMO_PASSWORD } from "../../src/demo/demo-world.ts";
import { recordMovement } from "../../src/modules/movements/record.ts";
import type { Services } from "../../src/services.ts";

export interface BoxSpec {
  no: string;
  project: "p1" | "p2";
  location: string | null;
  category: string;
  carrier?: string;
  /** Pages of each item in the box. */
  items: number[];
}

/** B1–B4 on V1's shelves, B5 in V2, B6 checked out (home V1-L4). */
export const BOXES: BoxSpec[] = [
  { no: "B1", project: "p1", location: "V1-L1", category: "WS", items: [10, 20] },
  { no: "B2", project: "p1", location: "V1-L2", category: "WS", items: [5] },
  { no: "B3", project: "p1", location: "V1-L3", category: "KJ", items: [7, 8, 9] },
  { no: "B4", project: "p2", location: "V1-L3", category: "KU", items: [100] },
  { no: "B5", project: "p2", location: "V2-L1", category: "ZP", carrier: "photo", items: [1, 1] },
  { no: "B6", project: "p1", location: "V1-L4", category: "WS", items: [3] },
];

export const barcodeOf = (prefix: string, no: string) => `${prefix.toUpperCase()}-${no}`;

export interface World {
  prefix: string;
  agencyId: string;
  client1Id: string;
  client2Id: string;
  p1: string;
  p2: string;
  v1: string;
  v2: string;
  locations: Record<string, string>;
  boxes: Record<string, string>;
  users: Record<"manager" | "keeper" | "keeper2" | "operator" | "client" | "regulator", string>;
}

export async function createInventoryWorld(s: Services, prefix: string): Promise<World> {
  const op = systemActor("inventory test world");
  const org = (input: Parameters<Services["organisations"]["create"]>[1]) =>
    s.organisations.create(op, input);
  const agency = await org({
    kind: "agency",
    name: `${prefix}奉贤盘点托管公司`,
    district: "fengxian",
    serviceTypes: ["custody"],
    licenceNumber: "310120000000009",
  });
  const c1 = await org({ kind: "client", name: `${prefix}奉贤委托单位甲`, district: "fengxian" });
  const c2 = await org({ kind: "client", name: `${prefix}奉贤委托单位乙`, district: "fengxian" });
  const reg = await org({
    kind: "regulator",
    name: `${prefix}奉贤区档案局`,
    district: "fengxian",
    regulatorLevel: "district",
    supervisedDistricts: ["fengxian"],
  });
  const users = {} as World["users"];
  const person = async (key: keyof World["users"], orgId: string, roles: Role[]) => {
    const u = await s.users.create(op, {
      orgId,
      username: `${prefix}.${key}`,
      displayName: `${prefix}${key}`,
      roles,
      password: DEMO_PASSWORD,
    });
    users[key] = u.id;
  };
  await person("manager", agency.id, ["agency_manager"]);
  await person("keeper", agency.id, ["agency_vault_keeper"]);
  await person("keeper2", agency.id, ["agency_vault_keeper"]);
  await person("operator", agency.id, ["agency_operator"]);
  await person("client", c1.id, ["client_archive_officer"]);
  await person("regulator", reg.id, ["regulator_inspector"]);

  const project = (clientOrgId: string, name: string) =>
    s.projects.create(op, {
      name,
      clientOrgId,
      agencyOrgId: agency.id,
      serviceType: "custody",
      hasClassified: false,
      hasNationalScope: false,
      responsibleLeader: "领导",
      responsibleDepartment: "档案室",
    });
  const p1 = await project(c1.id, `${prefix}甲单位寄存`);
  const p2 = await project(c2.id, `${prefix}乙单位寄存`);

  const db = s.db;
  const site = await db
    .insertInto("site")
    .values({ agencyOrgId: agency.id, name: `${prefix}奉贤库区`, district: "fengxian" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const vault = (code: string) =>
    db
      .insertInto("vault")
      .values({ agencyOrgId: agency.id, siteId: site.id, code: `${prefix}-${code}`, name: `${code}号库房` })
      .returning("id")
      .executeTakeFirstOrThrow();
  const v1 = (await vault("V1")).id;
  const v2 = (await vault("V2")).id;
  const locations: Record<string, string> = {};
  const shelves: [string, string, number][] = [
    ["V1-L1", v1, 1],
    ["V1-L2", v1, 2],
    ["V1-L3", v1, 3],
    ["V1-L4", v1, 4],
    ["V2-L1", v2, 1],
  ];
  for (const [code, vaultId, n] of shelves) {
    const l = await db
      .insertInto("location")
      .values({ vaultId, code, rowNo: 1, columnNo: 1, sectionNo: 1, shelfNo: n, capacity: 10 })
      .returning("id")
      .executeTakeFirstOrThrow();
    locations[code] = l.id;
  }

  const projects = { p1: { id: p1.id, client: c1.id }, p2: { id: p2.id, client: c2.id } };
  const boxes: Record<string, string> = {};
  for (const spec of BOXES) {
    const p = projects[spec.project];
    const cat = await db
      .insertInto("handoverCatalogue")
      .values({
        projectId: p.id,
        clientOrgId: p.client,
        agencyOrgId: agency.id,
        title: `${spec.no} 目录`,
        level: "item",
        status: "confirmed",
        rowCount: spec.items.length,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const box = await db
      .insertInto("box")
      .values({
        projectId: p.id,
        clientOrgId: p.client,
        agencyOrgId: agency.id,
        boxNo: spec.no,
        barcode: barcodeOf(prefix, spec.no),
        kind: "storage",
        category: spec.category,
        carrier: spec.carrier ?? "paper",
        status: "received",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    boxes[spec.no] = box.id;
    for (const [i, pages] of spec.items.entries()) {
      const item = await db
        .insertInto("catalogueItem")
        .values({
          catalogueId: cat.id,
          projectId: p.id,
          clientOrgId: p.client,
          rowNo: i + 1,
          title: `${spec.no}-${i + 1}`,
          pages,
          category: spec.category,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db.insertInto("boxItem").values({ boxId: box.id, itemId: item.id }).execute();
    }
    await inTransaction(db, { userId: users.keeper, orgId: agency.id }, async (trx, audit) => {
      const by = users.keeper;
      await recordMovement(trx, audit, {
        boxId: box.id,
        kind: "intake",
        fromLocationId: null,
        toLocationId: null,
        byUserId: by,
      });
      if (!spec.location) return;
      const to = locations[spec.location]!;
      await trx.updateTable("box").set({ homeLocationId: to }).where("id", "=", box.id).execute();
      await recordMovement(trx, audit, {
        boxId: box.id,
        kind: "shelve",
        fromLocationId: null,
        toLocationId: to,
        byUserId: by,
        status: "shelved",
      });
    });
  }
  // B6 is out on a checkout; B1 went out and came back.
  await inTransaction(db, { userId: users.keeper2, orgId: agency.id }, async (trx, audit) => {
    const by = users.keeper2;
    const m = (boxNo: string, kind: "checkout" | "return", loc: string) =>
      recordMovement(trx, audit, {
        boxId: boxes[boxNo]!,
        kind,
        fromLocationId: kind === "checkout" ? locations[loc]! : null,
        toLocationId: kind === "return" ? locations[loc]! : null,
        byUserId: by,
        status: kind === "checkout" ? "checked_out" : "shelved",
        referenceType: "retrieval",
        note: `${kind} ${boxNo}`,
      });
    await m("B6", "checkout", "V1-L4");
    await m("B1", "checkout", "V1-L1");
    await m("B1", "return", "V1-L1");
  });
  return {
    prefix,
    agencyId: agency.id,
    client1Id: c1.id,
    client2Id: c2.id,
    p1: p1.id,
    p2: p2.id,
    v1,
    v2,
    locations,
    boxes,
    users,
  };
}
