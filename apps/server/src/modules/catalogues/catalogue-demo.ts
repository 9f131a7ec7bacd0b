// Demo handover catalogues for the running custody project, loaded through the
// real import and confirmation (D-8.2, D-8.3): one confirmed by both parties,
// one draft waiting for the agency.
import { Readable } from "node:stream";
import type { UserActor } from "@dangan/domain";
import type { Services } from "../../services.ts";

const SUBJECTS = [
  "关于印发年度工作要点的通知",
  "党组会议纪要",
  "关于调整内设机构职责的批复",
  "年度工作总结",
  "关于开展安全生产检查的通知",
  "干部任免审批表",
  "关于档案工作检查情况的通报",
  "财务预算执行情况报告",
  "关于表彰先进集体和个人的决定",
  "重大事项请示及批复",
  "办公会议纪要",
  "关于印发管理制度汇编的通知",
];

function csv(year: number, from: number, n: number): Buffer {
  const lines = ["档号,题名,盒号,件数,页数,年度,保管期限,门类,载体,密级"];
  for (let i = 0; i < n; i++) {
    const k = from + i;
    const retention = k % 4 === 0 ? "30年" : "永久";
    const code = `Z109-WS·${year}-${retention === "永久" ? "Y" : "D30"}-BGS-${String(k).padStart(4, "0")}`;
    const subject = SUBJECTS[k % SUBJECTS.length]!;
    lines.push(
      [
        code,
        `${year}年${subject}`,
        `${year}-${String(Math.ceil(k / 10)).padStart(3, "0")}`,
        1 + (k % 3),
        4 + ((k * 7) % 40),
        year,
        retention,
        "文书",
        "纸质",
        k % 9 === 0 ? "内部" : "",
      ].join(","),
    );
  }
  return Buffer.from(`\ufeff${lines.join("\r\n")}\r\n`);
}

async function importCsv(s: Services, actor: UserActor, projectId: string, title: string, content: Buffer) {
  const job = await s.catalogueImports.start(
    actor,
    projectId,
    { title },
    { filename: `${title}.csv`, stream: Readable.from([content]) },
  );
  await s.catalogueImports.idle();
  const done = await s.catalogueImports.job(actor, job.id);
  if (!done.catalogueId) throw new Error(`demo catalogue ${title}: ${done.status}`);
  return (await s.catalogues.get(actor, done.catalogueId))!;
}

export async function seedDemoCatalogues(
  s: Services,
  officer: UserActor,
  manager: UserActor,
  projectId: string,
) {
  const first = await importCsv(s, officer, projectId, "2005年文书档案交接目录（第一批）", csv(2005, 1, 36));
  await s.catalogues.confirm(officer, first.id, first.digest!);
  await s.catalogues.confirm(manager, first.id, first.digest!);
  const second = await importCsv(s, officer, projectId, "2006年文书档案交接目录", csv(2006, 1, 24));
  await s.catalogues.confirm(officer, second.id, second.digest!);
}
