// Registry, filings, market and incident accountability in the demo world, loaded
// through the real services: two more custody agencies with their prices (one
// far below the market), national-scope deposits whose filings sit in each
// state, a suspended agency and an incident with its responsibility on record.
import { Readable } from "node:stream";
import { systemActor, type UserActor } from "@dangan/domain";
import type { Services } from "../services.ts";
import { demoPdf } from "./demo-pdf.ts";

interface Deposit {
  name: string;
  agencyOrgId: string;
  price: number;
  pricingUnit: string;
  quantity: number;
  contractNumber: string;
  start: boolean;
}

async function deposit(s: Services, officer: UserActor, d: Deposit) {
  const p = await s.projects.create(officer, {
    name: d.name,
    clientOrgId: officer.orgId,
    agencyOrgId: d.agencyOrgId,
    serviceType: "custody",
    custodyMode: "custody",
    hasClassified: false,
    hasNationalScope: true,
    responsibleLeader: "吴志强",
    responsibleDepartment: "档案室",
  });
  await s.contracts.save(officer, p.id, {
    contractNumber: d.contractNumber,
    content: `${d.name}：寄存、托管、调阅利用服务`,
    termStart: "2026-01-01",
    termEnd: "2028-12-31",
    quantity: d.quantity,
    quantityUnit: "盒",
    price: d.price,
    pricingUnit: d.pricingUnit,
    confidentialityTerms: "受托方对档案内容负有保密义务。",
    rightsAndDuties: "委托方监督检查；受托方负责库房条件与安全。",
    breachLiability: "违约方承担违约金并赔偿损失。",
    damageCompensation: "档案损毁、遗失按每卷5000元赔偿。",
  });
  if (!d.start) return p.id;
  const pdf = await s.attachments.add(
    officer,
    "project",
    p.id,
    {
      filename: `${d.contractNumber}-已签章.pdf`,
      stream: Readable.from(demoPdf(`Contract ${d.contractNumber}`)),
    },
    "签章合同",
  );
  await s.contracts.sign(officer, p.id, pdf.id, "2026-02-01");
  await s.projects.transition(officer, p.id, "start", "合同已签订，档案移交寄存");
  return p.id;
}

export async function seedRegistryDemo(s: Services, officer: UserActor, officerB: UserActor) {
  const op = systemActor("dangan demo");
  const org = async (name: string) =>
    (await s.db.selectFrom("organisation").select("id").where("name", "=", name).executeTakeFirstOrThrow())
      .id;
  const custodyId = await org("上海安存档案寄存托管有限公司（演示）");
  const hengjiu = await s.organisations.create(op, {
    kind: "agency",
    name: "上海恒久档案托管有限公司（演示）",
    creditCode: "91310115MA1H7RT21K",
    district: "pudong",
    serviceTypes: ["custody", "arrangement"],
    licenceNumber: "沪档中介〔2024〕012号",
    businessScope: "档案寄存托管、档案整理、档案咨询服务",
    contactName: "钱涛",
  });
  const jiyi = await s.organisations.create(op, {
    kind: "agency",
    name: "上海记忆档案服务有限公司（演示）",
    creditCode: "91310117MA1J2KL38P",
    district: "songjiang",
    serviceTypes: ["custody"],
    licenceNumber: "沪档中介〔2023〕031号",
    businessScope: "档案寄存托管服务",
    contactName: "冯敏",
  });
  await s.facilities.staff.create(op, {
    agencyOrgId: hengjiu.id,
    name: "钱涛",
    titleLevel: "senior",
    archiveProfessional: true,
  });
  await s.facilities.staff.create(op, {
    agencyOrgId: hengjiu.id,
    name: "蒋玲",
    titleLevel: "intermediate",
    archiveProfessional: true,
  });
  await s.facilities.staff.create(op, {
    agencyOrgId: jiyi.id,
    name: "冯敏",
    titleLevel: "junior",
    archiveProfessional: false,
  });

  // G-5: market prices per box-year around 200 元, one dumping price at 36 元.
  const verified = await deposit(s, officer, {
    name: "2010—2020年工程档案寄存",
    agencyOrgId: hengjiu.id,
    price: 17,
    pricingUnit: "元/盒·月",
    quantity: 800,
    contractNumber: "HJ-2026-003",
    start: true,
  });
  const returned = await deposit(s, officerB, {
    name: "街道历年文书档案寄存",
    agencyOrgId: custodyId,
    price: 210,
    pricingUnit: "元/盒·年",
    quantity: 450,
    contractNumber: "AC-2026-021",
    start: true,
  });
  const answered = await deposit(s, officerB, {
    name: "街道人事档案托管",
    agencyOrgId: hengjiu.id,
    price: 195,
    pricingUnit: "元/盒·年",
    quantity: 300,
    contractNumber: "HJ-2026-009",
    start: true,
  });
  await deposit(s, officer, {
    name: "下属企业档案集中寄存（比选中）",
    agencyOrgId: jiyi.id,
    price: 3,
    pricingUnit: "元/盒·月",
    quantity: 2000,
    contractNumber: "JY-2026-001",
    start: false,
  });

  const filingOf = async (projectId: string) =>
    (
      await s.db
        .selectFrom("filing")
        .select("id")
        .where("projectId", "=", projectId)
        .executeTakeFirstOrThrow()
    ).id;
  await s.filings.transition(op, await filingOf(verified), "verify", undefined);
  await s.filings.transition(op, await filingOf(returned), "return", "请补充寄存档案的起止年度及移交清单。");
  const a = await filingOf(answered);
  await s.filings.transition(op, a, "return", "合同未载明调阅利用的审批流程，请说明。");
  await s.filings.transition(officerB, a, "resubmit", "已补充调阅审批流程（见合同补充条款第三条）。");

  // G-12: an agency suspended after an inspection, with its reason.
  await s.registry.changeStanding(
    op,
    jiyi.id,
    "suspend",
    "专项抽查发现库房消防设施不符合要求，责令暂停承接新业务",
  );

  // G-7: an incident with its investigation, responsibility and measures, awaiting the regulator's closure.
  const incidentId = await s.incidents.open(officer, {
    projectId: verified,
    kind: "leak",
    severity: "major",
    title: "库房空调冷凝水渗漏，2盒档案外盒受潮",
    clauseId: "D-9.6",
  });
  await s.incidents.update(officer, incidentId, {
    investigation: "空调冷凝水管老化开裂，巡查记录显示前一日未按时巡查。",
    measures: "更换冷凝水管，受潮档案晾干并更换档案盒，增加夜间巡查。",
    responsibleParties: ["agency"],
    responsiblePeople: "库房管理员（当班）",
  });
}
