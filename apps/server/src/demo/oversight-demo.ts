// Demo oversight (G-7): more running projects for the yearly sample, the city's
// 2026 spot-check plan from a recorded seed, inspections with findings, an open,
// an overdue and an accepted rectification order, and a published notice.
import { Readable } from "node:stream";
import type { Role, ServiceType, UserActor } from "@dangan/domain";
import { addDays, systemActor } from "@dangan/domain";
import { todayInShanghai } from "../modules/facilities/facilities.common.ts";
import type { Services } from "../services.ts";
import { demoPdf } from "./demo-pdf.ts";

export const DEMO_SPOT_CHECK_SEED = "SH-2026-专项抽查-0317";

async function actorFor(s: Services, username: string): Promise<UserActor> {
  const u = await s.db
    .selectFrom("appUser as u")
    .innerJoin("organisation as o", "o.id", "u.orgId")
    .select(["u.id", "u.orgId", "u.roles", "o.kind", "o.regulatorLevel", "o.supervisedDistricts"])
    .where("u.username", "=", username)
    .executeTakeFirstOrThrow();
  return {
    type: "user",
    userId: u.id,
    orgId: u.orgId,
    orgKind: u.kind,
    roles: u.roles as Role[],
    regulatorLevel: u.regulatorLevel,
    supervisedDistricts: u.supervisedDistricts as UserActor["supervisedDistricts"],
  };
}

/** A project with a signed contract, started: what the yearly sample draws from. */
async function runningProject(
  s: Services,
  client: UserActor,
  agencyOrgId: string,
  p: { name: string; serviceType: ServiceType; national: boolean; contractNumber: string },
) {
  const project = await s.projects.create(client, {
    name: p.name,
    clientOrgId: client.orgId,
    agencyOrgId,
    serviceType: p.serviceType,
    ...(p.serviceType === "custody" ? { custodyMode: "deposit" as const } : {}),
    ...(p.serviceType === "digitization"
      ? { siteKind: "client_premises" as const, siteAddress: "委托方档案室" }
      : {}),
    hasClassified: false,
    hasNationalScope: p.national,
    responsibleLeader: "赵丽",
    responsibleDepartment: "办公室",
  });
  await s.contracts.save(client, project.id, {
    contractNumber: p.contractNumber,
    content: p.name,
    termStart: "2026-01-01",
    termEnd: "2026-12-31",
    quantity: 800,
    quantityUnit: p.serviceType === "digitization" ? "页" : "盒",
    price: p.serviceType === "digitization" ? 0.6 : 15,
    pricingUnit: p.serviceType === "digitization" ? "元/页" : "元/盒·月",
    confidentialityTerms: "受托方对档案内容保密。",
    rightsAndDuties: "委托方监督，受托方履约。",
    breachLiability: "违约方承担违约金。",
    damageCompensation: "损毁按每卷5000元赔偿。",
    technicalStandards: "DA/T 31-2017 纸质档案数字化规范",
    securityRequirements: "全程视频监控，端口封闭。",
  });
  const pdf = await s.attachments.add(client, "project", project.id, {
    filename: `${p.contractNumber}-已签章.pdf`,
    stream: Readable.from(demoPdf(`Contract ${p.contractNumber} signed`)),
  });
  await s.contracts.sign(client, project.id, pdf.id, "2025-12-28");
  await s.projects.transition(client, project.id, "start", "合同已签订，开始实施");
  return project.id;
}

export async function seedOversightDemo(s: Services, custodyProjectId: string) {
  const ids = Object.fromEntries(
    (await s.db.selectFrom("organisation").select(["id", "name"]).execute()).map((o) => [o.name, o.id]),
  );
  const agency = (prefix: string) => ids[Object.keys(ids).find((n) => n.startsWith(prefix))!]!;
  const clientB = await actorFor(s, "client2.officer");
  const extra = [
    {
      name: "人事档案寄存托管（2026）",
      serviceType: "custody",
      national: false,
      contractNumber: "SC-2026-031",
      a: "上海安存",
    },
    {
      name: "会计档案数字化加工",
      serviceType: "digitization",
      national: false,
      contractNumber: "SZ-2026-008",
      a: "上海数典",
    },
    {
      name: "科技档案整理",
      serviceType: "arrangement",
      national: true,
      contractNumber: "SZ-2026-012",
      a: "上海数典",
    },
  ] as const;
  for (const x of extra) await runningProject(s, clientB, agency(x.a), x);

  const city = await actorFor(s, "city.inspector");
  const pudong = await actorFor(s, "pudong.inspector");
  const manager = await actorFor(s, "custody.manager");
  const o = s.oversight;
  const today = todayInShanghai();

  // The city's yearly plan; anyone can redraw it from the recorded seed.
  const plan = await o.sampling.create(city, {
    year: 2026,
    rate: 0.5,
    seed: DEMO_SPOT_CHECK_SEED,
    nationalMode: "always",
    nationalWeight: 3,
  });
  const spot = await o.sampling.inspect(city, plan.id, custodyProjectId, "2026年度寄存托管专项抽查");
  const major = await o.inspections.addFinding(city, spot.id, {
    clause: "D-9.3",
    severity: "major",
    description: "2号库房内堆放纸箱等可燃物，消防通道被占用。",
  });
  const minor = await o.inspections.addFinding(city, spot.id, {
    clause: "D-9.8",
    severity: "minor",
    description: "本年度仅完成一次库房盘点，未达到每年不少于两次的要求。",
  });
  await o.inspections.answer(city, spot.id, { clause: "D-9.3", result: "fail", note: "现场照片见附件" });
  await o.rectifications.issue(city, {
    findingId: major.id,
    addressee: "agency",
    requirement: "立即清除库房可燃物，疏通消防通道，并提交整改照片。",
  });
  await o.notices.publish(city, {
    findingId: major.id,
    title: "关于档案寄存托管机构库房消防安全隐患的通报",
    body: "2026年度专项抽查中发现，某寄存托管机构库房内堆放可燃物、消防通道被占用。请各档案中介机构对照《上海市档案寄存托管规范（试行）》第9.3条开展自查，消除安全隐患。",
  });
  // Issued on paper six weeks ago; its deadline has passed without a response.
  const op = systemActor("dangan demo");
  await o.rectifications.issue(
    op,
    {
      findingId: minor.id,
      addressee: "agency",
      requirement: "制定盘点计划，年内补做一次全面盘点并报送盘点记录。",
    },
    addDays(today, -42),
  );

  // The Pudong regulator's ad hoc inspection, rectified and accepted.
  const adHoc = await o.inspections.create(pudong, {
    projectId: custodyProjectId,
    kind: "ad_hoc",
    title: "委托方外包工作台帐检查",
  });
  const ledger = await o.inspections.addFinding(pudong, adHoc.id, {
    clause: "D-9.9",
    severity: "minor",
    description: "库房进出登记缺少第二人签名。",
  });
  const order = await o.rectifications.issue(pudong, {
    findingId: ledger.id,
    addressee: "agency",
    requirement: "补全进出登记，对库管员开展双人进出制度培训。",
  });
  await s.attachments.add(manager, "rectification_order", order.id, {
    filename: "培训签到表.pdf",
    stream: Readable.from(demoPdf("Training sign-in sheet")),
  });
  await o.rectifications.respond(
    manager,
    order.id,
    "已补全登记，并于6月20日对全体库管员开展培训，签到表见附件。",
  );
  await o.rectifications.decide(pudong, order.id, "accept", "复查合格");

  // The agency's own self-check (G-13).
  await o.inspections.create(manager, {
    projectId: custodyProjectId,
    kind: "self_check",
    title: "第二季度安全与质量自查",
  });
}
