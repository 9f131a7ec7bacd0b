// Z-6.1–Z-7.3: the digitization project signed and started; six volumes
// registered and screened (one flagged), unshelved by the client, handed over on
// a list confirmed by both sides, a batch at the scanning workstation and one
// stopped volume — through the real services.
import { Readable } from "node:stream";
import type { UserActor } from "@dangan/domain";
import { loadUserActor } from "../modules/auth/actor.repository.ts";
import type { Services } from "../services.ts";
import { demoPdf } from "./demo-pdf.ts";

const PROJECT = "基建档案数字化加工（一期）";
const VOLUMES = [
  ["Z109-KJ·2008-Y-JJ-0001", "浦东新区综合办公楼基建工程立项审批文件", 12, 86],
  ["Z109-KJ·2008-Y-JJ-0002", "浦东新区综合办公楼设计图纸（建筑）", 30, 214],
  ["Z109-KJ·2008-Y-JJ-0003", "浦东新区综合办公楼施工监理记录", 18, 132],
  ["Z109-KJ·2009-Y-JJ-0004", "浦东新区综合办公楼竣工验收文件", 9, 64],
  ["Z109-KJ·2009-Y-JJ-0005", "地下车库扩建工程招投标文件", 15, 120],
  ["Z109-KJ·2009-Y-JJ-0006", "人防工程专项审批文件", 6, 40],
] as const;

export async function seedDigitizationOriginalsDemo(s: Services): Promise<void> {
  const users = await s.db.selectFrom("appUser").select(["id", "username"]).execute();
  const as = async (u: string) => {
    const row = users.find((r) => r.username === u);
    return row ? loadUserActor(s.db, row.id) : null;
  };
  const [officer, leader, manager, operator] = [
    await as("client.officer"),
    await as("client.leader"),
    await as("digit.manager"),
    await as("digit.operator"),
  ];
  const project = await s.db
    .selectFrom("project")
    .select(["id", "status"])
    .where("name", "=", PROJECT)
    .executeTakeFirst();
  if (!officer || !leader || !manager || !operator || !project) return;
  if (project.status === "draft") await signAndStart(s, officer, project.id);
  const o = s.digitizationOriginals;

  for (const [referenceCode, title, itemCount, expectedPages] of VOLUMES)
    await o.volumes.create(officer, project.id, { referenceCode, title, itemCount, expectedPages });
  const vols = await s.db
    .selectFrom("digitizationVolume")
    .select(["id", "referenceCode"])
    .where("projectId", "=", project.id)
    .orderBy("referenceCode")
    .execute();
  const ids = vols.map((v) => v.id);
  // Z-6.1: the sixth (civil air defence) is classified and stays with the client.
  await o.volumes.screen(officer, project.id, { volumeIds: ids.slice(0, 5), outcome: "cleared" });
  await o.volumes.screen(officer, project.id, {
    volumeIds: [ids[5]!],
    outcome: "flagged",
    note: "人防工程文件涉密，不外包",
  });
  await o.volumes.unshelve(officer, project.id, ids.slice(0, 4));
  const list = await o.handovers.create(officer, project.id, {
    direction: "to_agency",
    handedAt: "2026-04-08T09:30:00+08:00",
    clientHandlerName: "陈静",
    agencyHandlerName: "郭亮",
    lines: ids.slice(0, 4).map((volumeId) => ({ volumeId, quality: "完好" })),
  });
  await o.handovers.confirm(officer, list.id);
  await o.handovers.confirm(manager, list.id);
  for (const volumeId of ids.slice(0, 4))
    await o.stops.recordCondition(operator, volumeId, { stage: "receipt", condition: "good" });

  const chain = await stations(s, project.id);
  if (!chain) return; // The site's workstations and people are not there: no batch.
  const batch = await o.chain.createBatch(manager, project.id, {
    code: "B-001",
    title: "第一批：综合办公楼",
    volumeIds: ids.slice(0, 4),
  });
  await o.chain.fixStorage(manager, batch.id, {
    room: "B1-03 暂存室",
    cabinet: "A-02 档案柜",
    custodianPersonId: chain.custodian,
  });
  await o.chain.startBatch(manager, batch.id);
  await o.recordStationHandover(manager, batch.id, {
    fromWorkstationId: null,
    toWorkstationId: chain.scanning.id,
    content: "综合办公楼基建档案 4 卷，待扫描",
    quantity: 4,
    handedAt: "2026-04-08T14:00:00+08:00",
    giverPersonId: chain.custodian,
    receiverPersonId: chain.scanning.person,
  });
  // Z-7.3: damage found while scanning the construction log; the client decides.
  await o.stopVolume(operator, ids[2]!, "damage", {
    description: "第 37 页撕裂，装订线脱落",
    evidence: "扫描工位现场照片",
  });
}

async function signAndStart(s: Services, officer: UserActor, projectId: string) {
  await s.contracts.save(officer, projectId, {
    contractNumber: "SZ-2026-003",
    content: "基建档案（2008—2009年）纸质档案数字化加工",
    termStart: "2026-04-01",
    termEnd: "2026-09-30",
    quantity: 12000,
    quantityUnit: "页",
    price: 0.6,
    pricingUnit: "元/页",
    confidentialityTerms: "数字化机构不得留存、复制档案数字化成果，人员签订保密承诺书。",
    rightsAndDuties: "委托方负责涉密筛查与调档下架；机构在委托方场所内按工位定岗作业。",
    breachLiability: "违约方承担违约金并赔偿损失。",
    damageCompensation: "档案损坏按修复费用及每卷3000元赔偿。",
    technicalStandards: "DA/T 31-2017《纸质档案数字化规范》；分辨率不低于 300 dpi。",
    securityRequirements: "场所封闭管理、全程监控；禁止携带移动存储介质；成果存储设备专人专管。",
  });
  const pdf = await s.attachments.add(
    officer,
    "project",
    projectId,
    {
      filename: "数字化合同-已签章.pdf",
      stream: Readable.from(demoPdf("Digitization contract SZ-2026-003")),
    },
    "签章合同",
  );
  await s.contracts.sign(officer, projectId, pdf.id, "2026-03-28");
  await s.projects.transition(officer, projectId, "start", "合同已签订，开始数字化加工");
}

/** The site demo's scanning post and a custodian (the preparation post), if there are any. */
async function stations(s: Services, projectId: string) {
  const found = async () => {
    const rows = await s.db
      .selectFrom("digitizationWorkstation as w")
      .innerJoin("digitizationWorkstationAssignment as a", "a.workstationId", "w.id")
      .innerJoin("digitizationPerson as p", "p.id", "a.personId")
      .select(["w.id", "w.kind", "p.id as person"])
      .where("w.projectId", "=", projectId)
      .where("p.status", "=", "active")
      .execute();
    const scanning = rows.find((r) => r.kind === "scanning");
    const custodian = rows.find((r) => r.kind === "preparation")?.person ?? scanning?.person;
    return scanning && custodian ? { scanning, custodian } : null;
  };
  return found();
}
