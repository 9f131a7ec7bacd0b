// Z-5.5–Z-5.8, Z-7.2, Z-7.6: the digitization site of the demo project, set up
// while the project is a draft: workstations with fixed posts, people with
// badges (the agency's manager and operator, the client's custodian), cameras
// on every workstation and area, devices with ports (one needed USB port
// assigned, one seal test overdue) and one medium — through the real services.
import { loadUserActor } from "../modules/auth/actor.repository.ts";
import type { Services } from "../services.ts";

const PROJECT = "基建档案数字化加工（一期）";
const STATIONS = [
  ["W-PR", "preparation", "整理工位"],
  ["W-SC", "scanning", "扫描工位"],
  ["W-IP", "image_processing", "图像处理工位"],
  ["W-QC", "quality_control", "质检工位"],
  ["W-MD", "metadata", "著录工位"],
  ["W-PK", "packaging", "数据挂接打包工位"],
] as const;

export async function seedDigitizationSiteDemo(s: Services): Promise<void> {
  const users = await s.db.selectFrom("appUser").select(["id", "username", "orgId"]).execute();
  const user = (u: string) => users.find((r) => r.username === u);
  const project = await s.db
    .selectFrom("project")
    .select("id")
    .where("name", "=", PROJECT)
    .executeTakeFirst();
  const managerRow = user("digit.manager");
  const manager = managerRow ? await loadUserActor(s.db, managerRow.id) : null;
  if (!project || !manager) return;
  const d = s.digitizationSite;
  const pid = project.id;

  const ws: Record<string, string> = {};
  for (const [code, kind, name] of STATIONS)
    ws[kind] = (await d.createWorkstation(manager, pid, { code, kind, name })).id;

  const person = async (name: string, idNumber: string, badgeNo: string, role: string, username?: string) => {
    const u = username ? user(username) : undefined;
    return (await d.register(manager, pid, { name, idNumber, badgeNo, role, userId: u?.id, orgId: u?.orgId }))
      .id;
  };
  const guo = await person("郭亮", "310115198001010011", "SZ-001", "项目负责人", "digit.manager");
  const luo = await person("罗佳", "310115199002020022", "SZ-002", "扫描员", "digit.operator");
  const shen = await person("沈晓峰", "310115199203030033", "SZ-003", "图像处理员");
  const xu = await person("许文", "310115199404040044", "SZ-004", "质检员");
  await person("周红", "310115198505050055", "WT-001", "委托方现场监管", "client.officer");

  const posts: [string, string, string][] = [
    ["preparation", guo, "整理及暂存保管"],
    ["scanning", luo, "扫描员"],
    ["image_processing", shen, "图像处理员"],
    ["quality_control", xu, "质检员"],
    ["metadata", xu, "著录员"],
    ["packaging", guo, "数据挂接与成果存储"],
  ];
  for (const [kind, personId, post] of posts) await d.assign(manager, ws[kind]!, { personId, post });

  for (const [code, kind] of STATIONS)
    await d.registerCamera(manager, pid, { label: `CAM-${code}`, workstationId: ws[kind] });
  await d.registerCamera(manager, pid, { label: "CAM-暂存室", area: "storage" });
  await d.registerCamera(manager, pid, { label: "CAM-出入口", area: "entry" });

  const scanner = await d.registerDevice(manager, pid, {
    kind: "scanner",
    name: "A3 平板扫描仪",
    serial: "EPS-DS50000-0017",
    owner: "agency",
    storesData: false,
    custodianPersonId: luo,
    workstationId: ws.scanning,
  });
  const pc = await d.registerDevice(manager, pid, {
    kind: "computer",
    name: "扫描工作站",
    serial: "LNV-M920-3321",
    owner: "agency",
    storesData: true,
    custodianPersonId: luo,
    workstationId: ws.scanning,
  });
  const nas = await d.registerDevice(manager, pid, {
    kind: "storage",
    name: "成果存储服务器",
    serial: "SYN-RS1221-0042",
    owner: "client",
    storesData: true,
    custodianPersonId: guo,
    workstationId: ws.packaging,
  });
  await d.designateDevice(manager, nas.id, true);
  await d.designatePerson(manager, guo, true);

  // Z-5.8: the scanner's USB cable is needed, at the scanning post; the rest is sealed.
  await d.registerPort(manager, scanner.id, {
    kind: "usb",
    label: "USB-B 数据线",
    state: "needed",
    workstationId: ws.scanning,
    personId: luo,
  });
  const pcUsb = await d.registerPort(manager, pc.id, { kind: "usb", label: "前置 USB ×4", state: "sealed" });
  const pcNet = await d.registerPort(manager, pc.id, {
    kind: "wireless",
    label: "无线网卡",
    state: "sealed",
  });
  await d.registerPort(manager, nas.id, { kind: "network", label: "外网网口", state: "sealed" });
  const day = 86_400_000;
  await d.recordSealTest(manager, pcUsb.id, {
    result: "intact",
    testedAt: new Date(Date.now() - 3 * day).toISOString(),
  });
  // One test overdue: last tested 45 days ago, beyond the 30-day interval (UNVERIFIED default).
  await d.recordSealTest(manager, pcNet.id, {
    result: "intact",
    testedAt: new Date(Date.now() - 45 * day).toISOString(),
    note: "封条完好",
  });

  await d.registerMedia(manager, pid, {
    label: "R-001",
    kind: "hdd",
    capacityGb: 4000,
    purpose: "results",
    custodianPersonId: guo,
  });
}
