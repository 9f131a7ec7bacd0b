// Test fixtures for intake: a fresh running custody project between client A
// and the demo custody agency, a vault with locations, and handover
// catalogues. Locations and catalogues are inserted directly until the
// facilities and catalogue-import modules offer services for them.
import { Readable } from "node:stream";
import { demoPdf } from "../../src/demo/demo-pdf.ts";
import { loadUserActor } from "../../src/modules/auth/actor.repository.ts";
import type { Client, TestApp } from "../harness.ts";

let serial = 0;

export interface IntakeWorld {
  projectId: string;
  clientOrgId: string;
  agencyOrgId: string;
  users: Record<string, string>;
  loc: { paperA: string; paperB: string; tape: string; foreign: string };
  /** Start of this world's location codes, to search for them. */
  locPrefix: string;
}

async function userIds(t: TestApp) {
  const rows = await t.services.db.selectFrom("appUser").select(["id", "username"]).execute();
  return Object.fromEntries(rows.map((r) => [r.username, r.id]));
}

async function runningProject(t: TestApp, users: Record<string, string>) {
  const s = t.services;
  const officer = (await loadUserActor(s.db, users["client.officer"]!))!;
  const agency = await s.db
    .selectFrom("appUser")
    .select("orgId")
    .where("username", "=", "custody.manager")
    .executeTakeFirstOrThrow();
  const n = ++serial;
  const p = await s.projects.create(officer, {
    name: `入库测试项目${n}-${Date.now()}`,
    clientOrgId: officer.orgId,
    agencyOrgId: agency.orgId,
    serviceType: "custody",
    custodyMode: "custody",
    hasClassified: false,
    hasNationalScope: false,
    responsibleLeader: "吴志强",
    responsibleDepartment: "档案室",
  });
  await s.contracts.save(officer, p.id, {
    contractNumber: `T-${n}`,
    content: "寄存托管",
    termStart: "2026-01-01",
    termEnd: "2027-12-31",
    quantity: 10,
    quantityUnit: "盒",
    price: 10,
    pricingUnit: "元/盒·月",
    confidentialityTerms: "保密",
    rightsAndDuties: "权利义务",
    breachLiability: "违约责任",
    damageCompensation: "损毁赔偿",
  });
  const pdf = await s.attachments.add(officer, "project", p.id, {
    filename: "c.pdf",
    stream: Readable.from(demoPdf("c")),
  });
  await s.contracts.sign(officer, p.id, pdf.id, "2026-01-01");
  await s.projects.transition(officer, p.id, "start", undefined);
  return p;
}

async function vaultWithLocations(t: TestApp, agencyOrgId: string) {
  const db = t.services.db;
  const n = ++serial;
  const site = await db
    .insertInto("site")
    .values({ agencyOrgId, name: `测试库区${n}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const vault = await db
    .insertInto("vault")
    .values({ agencyOrgId, siteId: site.id, code: `T${n}`, name: `测试库房${n}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const loc = async (code: string, shelfNo: number, zone: string, capacity: number) =>
    (
      await db
        .insertInto("location")
        .values({ vaultId: vault.id, code, rowNo: 1, columnNo: 1, sectionNo: 1, shelfNo, zone, capacity })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  return {
    prefix: `T${n}-`,
    paperA: await loc(`T${n}-01`, 1, "paper", 3),
    paperB: await loc(`T${n}-02`, 2, "paper", 1),
    tape: await loc(`T${n}-03`, 3, "audiovisual_tape", 5),
  };
}

export async function intakeWorld(t: TestApp): Promise<IntakeWorld> {
  const users = await userIds(t);
  const p = await runningProject(t, users);
  const locs = await vaultWithLocations(t, p.agencyOrgId);
  const foreignAgency = await t.services.db
    .selectFrom("organisation")
    .select("id")
    .where("name", "like", "上海数典%")
    .executeTakeFirstOrThrow();
  const foreign = await vaultWithLocations(t, foreignAgency.id);
  return {
    projectId: p.id,
    clientOrgId: p.clientOrgId,
    agencyOrgId: p.agencyOrgId,
    users,
    loc: { paperA: locs.paperA, paperB: locs.paperB, tape: locs.tape, foreign: foreign.paperA },
    locPrefix: locs.prefix,
  };
}

/** A handover catalogue of `rows` items (carrier paper unless given). */
export async function makeCatalogue(t: TestApp, w: IntakeWorld, rows: { title: string; carrier?: string }[]) {
  const db = t.services.db;
  const n = ++serial;
  const cat = await db
    .insertInto("handoverCatalogue")
    .values({
      projectId: w.projectId,
      clientOrgId: w.clientOrgId,
      agencyOrgId: w.agencyOrgId,
      title: `交接目录${n}`,
      level: "item",
      status: "confirmed",
      rowCount: rows.length,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const items = await db
    .insertInto("catalogueItem")
    .values(
      rows.map((r, i) => ({
        catalogueId: cat.id,
        projectId: w.projectId,
        clientOrgId: w.clientOrgId,
        rowNo: i + 1,
        referenceCode: `0001-WS·2019-Y-T${n}-${String(i + 1).padStart(4, "0")}`,
        title: r.title,
        carrier: r.carrier ?? "paper",
        quantity: 1,
      })),
    )
    .returning("id")
    .execute();
  return { catalogueId: cat.id, itemIds: items.map((i) => i.id) };
}

/** Drives one batch through the API; each step fails the test unless it answers 2xx. */
export function driver(agency: Client, client: Client, w: IntakeWorld) {
  const u = w.users;
  const ok = async (p: Promise<{ status: number; body: any }>) => {
    const r = await p;
    if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const step = (id: string, body: Record<string, unknown>) =>
    agency.post(`/api/intake/batches/${id}/transitions`, body);
  const both = [u["custody.manager"]!, u["client.officer"]!];
  return {
    ok,
    step,
    both,
    async batch(catalogueIds: string[], title = "第一批入库") {
      return ok(agency.post("/api/intake/batches", { projectId: w.projectId, title, catalogueIds }));
    },
    async toBoxing(id: string, counts: { catalogueId: string; counted: number }[], findings: unknown[] = []) {
      const b = await ok(agency.get(`/api/intake/batches/${id}`));
      if (b.status === "site_visit" && !b.siteVisit)
        await ok(step(id, { action: "site_visit", people: [u["client.officer"]], notes: "考察嘉定库房" }));
      await ok(step(id, { action: "unshelve", people: both, counts }));
      await ok(step(id, { action: "check_condition", people: both, findings }));
    },
    async box(id: string, itemIds: string[], kind = "transfer") {
      return ok(agency.post(`/api/intake/batches/${id}/boxes`, { kind, itemIds }));
    },
    async seal(boxId: string, sealNumber: string) {
      return ok(
        agency.post(`/api/boxes/${boxId}/seal`, {
          sealNumber,
          outsideOk: true,
          witnessUserId: u["client.officer"],
        }),
      );
    },
    async deliver(id: string) {
      await ok(step(id, { action: "load", people: both, transport: { by: "agency", vehicle: "沪A12345" } }));
      await ok(step(id, { action: "arrive", people: [u["custody.keeper"]] }));
    },
    async inspect(boxId: string, body: Record<string, unknown> = {}) {
      return ok(agency.post(`/api/boxes/${boxId}/inspection`, { sealIntact: true, damaged: false, ...body }));
    },
    client,
  };
}
