// Loads the demo world through the real services (so every row is audited and
// every rule applies), as the operator. Runs once: an instance that already
// has organisations is left alone.
import { Readable } from "node:stream";
import { systemActor, type UserActor } from "@dangan/domain";
import { seedDemoCatalogues } from "../modules/catalogues/catalogue-demo.ts";
import { seedEnvironmentDemo } from "../modules/environment/environment.demo.ts";
import { seedFacilitiesDemo } from "../modules/facilities/facilities.demo.ts";
import type { Services } from "../services.ts";
import { seedAcceptanceDemo } from "./acceptance-demo.ts";
import { demoPdf } from "./demo-pdf.ts";
import { DEMO_ORGS, DEMO_PASSWORD } from "./demo-world.ts";
import { seedDigitizationOriginalsDemo } from "./digitization-demo.ts";
import { seedDigitizationQcDemo } from "./digitization-qc-demo.ts";
import { seedDigitizationSiteDemo } from "./digitization-site-demo.ts";
import { seedIntakeDemo } from "./intake-demo.ts";
import { seedInventoryDemo } from "./inventory-demo.ts";
import { seedOversightDemo } from "./oversight-demo.ts";
import { seedRegistryDemo } from "./registry-demo.ts";
import { seedRetrievalDemo } from "./retrieval-demo.ts";
import { seedUseServicesDemo } from "./use-services-demo.ts";

export async function seedDemo(
  s: Services,
): Promise<{ seeded: boolean; users: { username: string; org: string; roles: string[] }[] }> {
  const users = DEMO_ORGS.flatMap((o) =>
    o.users.map((u) => ({ username: u.username, org: o.name, roles: u.roles })),
  );
  const existing = await s.db
    .selectFrom("organisation")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return { seeded: false, users };

  const op = systemActor("dangan demo");
  const ids: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  for (const { key, users: people, ...org } of DEMO_ORGS) {
    const row = await s.organisations.create(op, org);
    ids[key] = row.id;
    for (const u of people) {
      const created = await s.users.create(op, { ...u, orgId: row.id, password: DEMO_PASSWORD });
      userIds[u.username] = created.id;
    }
  }

  const officer = {
    type: "user",
    userId: userIds["client.officer"]!,
    orgId: ids.clientA!,
    orgKind: "client",
    roles: ["client_archive_officer"],
    regulatorLevel: null,
    supervisedDistricts: [],
  } satisfies UserActor;

  // A custody project with national-scope archives, contracted and running.
  const custody = await s.projects.create(officer, {
    name: "2026年度文书档案寄存托管",
    clientOrgId: ids.clientA!,
    agencyOrgId: ids.custody!,
    serviceType: "custody",
    custodyMode: "custody",
    hasClassified: false,
    hasNationalScope: true,
    responsibleLeader: "吴志强",
    responsibleDepartment: "档案室",
    description: "2000—2015年文书档案约1,200盒，寄存并托管于嘉定库房。",
  });
  await s.contracts.save(officer, custody.id, {
    contractNumber: "SC-2026-017",
    content: "文书档案（2000—2015年）寄存、托管、调阅利用服务",
    termStart: "2026-01-01",
    termEnd: "2028-12-31",
    quantity: 1200,
    quantityUnit: "盒",
    price: 18,
    pricingUnit: "元/盒·月",
    confidentialityTerms: "受托方对客户档案内容负有保密义务，未经委托方书面同意不得翻阅、复制。",
    rightsAndDuties: "委托方负责监督检查；受托方负责库房条件、双人进出、定期盘点。",
    breachLiability: "违约方承担违约金并赔偿损失。",
    damageCompensation: "档案损毁、遗失按每卷5000元赔偿，并承担修复费用。",
  });
  const pdf = await s.attachments.add(
    officer,
    "project",
    custody.id,
    {
      filename: "寄存托管合同-已签章.pdf",
      stream: Readable.from(demoPdf("Custody contract SC-2026-017 signed")),
    },
    "签章合同",
  );
  await s.contracts.sign(officer, custody.id, pdf.id, "2025-12-20");
  await s.projects.transition(officer, custody.id, "start", "合同已签订，开始实施");
  await s.ledger.add(officer, custody.id, {
    kind: "supervision",
    occurredOn: "2026-03-10",
    summary: "实地考察嘉定库房",
    details: "库房温湿度、监控、消防设施均正常。",
    clauseId: "D-7.2",
  });
  const problem = await s.ledger.add(officer, custody.id, {
    kind: "problem",
    occurredOn: "2026-06-15",
    summary: "库房进出登记缺一人签名",
    clauseId: "D-9.9",
  });
  await s.ledger.add(officer, custody.id, {
    kind: "rectification",
    occurredOn: "2026-06-20",
    summary: "补充登记并对库管员重新培训",
    resolvesEntryId: problem.id,
  });

  // A digitization project on the client's premises, still a draft.
  await s.projects.create(officer, {
    name: "基建档案数字化加工（一期）",
    clientOrgId: ids.clientA!,
    agencyOrgId: ids.digitization!,
    serviceType: "digitization",
    hasClassified: false,
    hasNationalScope: true,
    responsibleLeader: "吴志强",
    responsibleDepartment: "档案室",
    siteKind: "client_premises",
    siteAddress: "浦东新区世纪大道100号B1档案数字化用房",
  });
  // Z-5.5–Z-5.8, Z-7.2: the site set up while the project is a draft.
  await seedDigitizationSiteDemo(s);

  // A deposit with the foreign-backed agency: allowed, as nothing is national-scope.
  const officerB = { ...officer, userId: userIds["client2.officer"]!, orgId: ids.clientB! };
  await s.projects.create(officerB, {
    name: "历年会计凭证寄存",
    clientOrgId: ids.clientB!,
    agencyOrgId: ids.foreign!,
    serviceType: "custody",
    custodyMode: "deposit",
    hasClassified: false,
    hasNationalScope: false,
    responsibleLeader: "赵丽",
    responsibleDepartment: "财务科",
  });
  // Facilities (sites, vaults, equipment, staff, locations) before intake shelves boxes there.
  await seedFacilitiesDemo(s);
  // D-8.2, D-8.3: handover catalogues of the running custody project, one confirmed by both.
  const manager = {
    ...officer,
    userId: userIds["custody.manager"]!,
    orgId: ids.custody!,
    orgKind: "agency",
    roles: ["agency_manager"],
  } satisfies UserActor;
  await seedDemoCatalogues(s, officer, manager, custody.id);
  // D-8.1 – D-8.8, D-9.11: the first catalogue taken in and shelved, the second under way.
  await seedIntakeDemo(s);
  // After the facilities and intake demo data: it counts their shelved boxes.
  await seedInventoryDemo(s);
  // D-9.4, D-9.5, D-9.9, D-9.10: sensors with a week of readings, alerts and the entry log.
  await seedEnvironmentDemo(s);
  await seedOversightDemo(s, custody.id);
  await seedRegistryDemo(s, officer, officerB);
  // D-10, D-11: written grants and use requests in each stage, after intake shelved the boxes.
  await seedRetrievalDemo(s);
  // D-3.12, D-10.6, D-10.8, D-11: remote copies, loans and returns, on boxes retrieval left shelved.
  await seedUseServicesDemo(s);
  // Z-6.1–Z-7.3: signs and starts the digitization project, then its originals; last, so that it
  // runs after the site demo (seedDigitizationSiteDemo) whose workstations and people it uses.
  await seedDigitizationOriginalsDemo(s);
  // Z-7.4: a first delivery of batch B-001 checked, after the originals put the batch to work.
  await seedDigitizationQcDemo(s);
  // G-11: a failed final acceptance with its rectification order, after the registry demo's projects.
  await seedAcceptanceDemo(s, officer);
  return { seeded: true, users };
}
