// D-3.12, D-10.6, D-10.8, D-11: a delivered remote copy returned and re-shelved,
// an active loan, an overdue one and a loan that came back with a damaged item
// (incident and written report) — through the real services.
import { Readable } from "node:stream";
import type { UserActor } from "@dangan/domain";
import { loadUserActor } from "../modules/auth/actor.repository.ts";
import type { Services } from "../services.ts";
import { demoPage } from "./demo-page.ts";
import { demoPdf } from "./demo-pdf.ts";

const DAY = 86_400_000;
const date = (ms: number) => new Date(Date.now() + ms + 8 * 3_600_000).toISOString().slice(0, 10);

export async function seedUseServicesDemo(s: Services): Promise<void> {
  const users = await s.db.selectFrom("appUser").select(["id", "username"]).execute();
  const as = async (u: string) => {
    const row = users.find((r) => r.username === u);
    return row ? loadUserActor(s.db, row.id) : null;
  };
  const [officer, keeper, operator] = [
    await as("client.officer"),
    await as("custody.keeper"),
    await as("custody.operator"),
  ];
  if (!officer || !keeper || !operator) return;
  const shelved = await s.db
    .selectFrom("box as b")
    .innerJoin("boxItem as bi", "bi.boxId", "b.id")
    .select(["b.id", "b.projectId", "b.homeLocationId", "bi.itemId"])
    .where("b.status", "=", "shelved")
    .where("b.clientOrgId", "=", officer.orgId)
    .where("b.agencyOrgId", "=", keeper.orgId)
    .where(
      "b.id",
      "not in",
      s.db
        .selectFrom("useRequestItem")
        .select("boxId")
        .where("boxId", "is not", null)
        .$narrowType<{ boxId: string }>(),
    )
    .orderBy("b.boxNo", "desc")
    .execute();
  const byBox = new Map<string, { projectId: string; home: string | null; items: string[] }>();
  for (const r of shelved) {
    const b = byBox.get(r.id) ?? { projectId: r.projectId, home: r.homeLocationId, items: [] };
    b.items.push(r.itemId);
    byBox.set(r.id, b);
  }
  const projectId = shelved[0]?.projectId;
  const boxes = [...byBox.entries()].filter(([, b]) => b.projectId === projectId && b.home).slice(0, 4);
  const camera = await s.db
    .selectFrom("camera")
    .select("id")
    .where("agencyOrgId", "=", keeper.orgId)
    .where("code", "=", "CAM-R1")
    .executeTakeFirst();
  if (!projectId || boxes.length < 4 || !camera) return;
  const u = s.useServices;
  const start = async (mode: "remote_copy" | "loan", box: number, userName: string, idNumber?: string) => {
    const r = await s.useRequests.submit(officer, {
      projectId,
      mode,
      userName,
      ...(idNumber ? { userIdKind: "id_card" as const, userIdNumber: idNumber } : {}),
      purpose: mode === "loan" ? "区志编纂借阅原件" : "办理退休审批调取人事任免文件扫描件",
      priority: "standard",
      itemIds: boxes[box]![1].items.slice(0, 3),
    });
    await s.useRequests.act(keeper, r.id, "accept", {});
    await s.useRequests.retrieve(keeper, r.id);
    return r.id;
  };
  const lend = async (
    id: string,
    by: UserActor,
    dueOn: string,
    deliveryAt: Date,
    name: string,
    idNo: string,
  ) => {
    await u.loans.consent(officer, id, { statement: "同意出借，借阅人须妥善保管，按期归还" });
    const loan = await u.loans.record(by, id, {
      dueOn,
      deliveryPlace: "委托方档案室（浦东新区世纪大道100号3楼）",
      deliveryAt: deliveryAt.toISOString(),
    });
    await u.loans.handover(by, loan.id, {
      receiverName: name,
      receiverIdKind: "id_card",
      receiverIdNumber: idNo,
    });
    await s.useRequests.act(by, id, "start_service", {});
    return loan.id;
  };

  // A remote copy: scanned under camera, delivered, downloaded, returned and re-shelved.
  const remote = await start("remote_copy", 0, "周红");
  const job = await u.remote.startScan(keeper, remote, {
    operatorUserId: operator.userId,
    cameraId: camera.id,
    note: "扫描工位1，全程监控",
  });
  await s.useRequests.act(keeper, remote, "start_service", {});
  // D-10.8: a scanned page that bears a classification mark is held for the client's decision.
  await u.remote.deliver(
    keeper,
    remote,
    { scanJobId: job.id, expiresInDays: 7 },
    {
      filename: "人事任免文件扫描件-附件.png",
      stream: Readable.from(await demoPage({ mark: "秘密★10年", title: "关于干部任免事项的请示" })),
    },
  );
  const d = await u.remote.deliver(
    keeper,
    remote,
    { scanJobId: job.id, expiresInDays: 7 },
    { filename: "人事任免文件扫描件.pdf", stream: Readable.from(demoPdf("remote copy")) },
  );
  await u.remote.finishScan(keeper, job.id, { pages: 18 });
  await u.remote.download(officer, d.id, "127.0.0.1");
  await s.useRequests.act(keeper, remote, "finish_service", {});
  const items0 = boxes[0]![1].items.slice(0, 3);
  await u.returns.record(keeper, remote, {
    returnerName: "何军",
    returnerDeclared: items0.length,
    lines: items0.map((itemId) => ({ itemId, outcome: "present" })),
  });
  await u.returns.reshelve(keeper, remote, { boxId: boxes[0]![0], locationId: boxes[0]![1].home! });

  // An active loan and an overdue one.
  const active = await start("loan", 1, "吴志强", "310115197803152318");
  await lend(
    active,
    keeper,
    date(12 * DAY),
    new Date(Date.now() + 3_600_000),
    "吴志强",
    "310115197803152318",
  );
  const overdue = await start("loan", 2, "陈晓燕", "310104198511204427");
  await lend(
    overdue,
    keeper,
    date(-4 * DAY),
    new Date(Date.now() - 20 * DAY),
    "陈晓燕",
    "310104198511204427",
  );

  // A loan that came back with a damaged item: incident and written report.
  const damaged = await start("loan", 3, "周红", "310101198702063345");
  const loanId = await lend(
    damaged,
    keeper,
    date(20 * DAY),
    new Date(Date.now() + 3_600_000),
    "周红",
    "310101198702063345",
  );
  await u.loans.receivedBack(keeper, loanId, { returnedByName: "周红" });
  await s.useRequests.act(keeper, damaged, "finish_service", {});
  const items3 = boxes[3]![1].items.slice(0, 3);
  const check = await u.returns.record(keeper, damaged, {
    returnerName: "周红",
    returnerDeclared: items3.length,
    lines: items3.map((itemId, i) => ({
      itemId,
      outcome: i === 0 ? "damaged" : "present",
      ...(i === 0 ? { note: "第3页水渍，页角撕裂" } : {}),
    })),
  });
  await u.returns.report(keeper, check.id, {
    cause: "借阅期间委托方办公室空调冷凝水滴落，致第3页水渍、页角撕裂；经双方现场核实，非运送环节所致。",
    handling: "已做除湿处理并送修复室修裱；委托方加强借阅期间保管，本机构出借时加配防水档案袋。",
  });
  await u.returns.reshelve(keeper, damaged, { boxId: boxes[3]![0], locationId: boxes[3]![1].home! });
}
