// Demo facilities of the custody agency, entered by its manager and keepers
// through the real services: one site with its rooms, cameras and alarms, two
// vaults (A meets every figure; B has a low ceiling, a camera kept too short
// and an overdue dehumidifier), equipment with its log, keys, staff, locations.
import { Readable } from "node:stream";
import type { LocationRange, UserActor } from "@dangan/domain";
import { demoPdf } from "../../demo/demo-pdf.ts";
import type { Services } from "../../services.ts";
import { loadUserActor } from "../auth/actor.repository.ts";
import { addDays, todayInShanghai } from "./facilities.common.ts";

const GOOD = {
  clearHeightM: 2.9,
  floorLoadKnM2: 12.5,
  fireWallZoneH: 4,
  fireWallRoomH: 3,
  fireWallInnerH: 2,
  mainAisleM: 1.4,
  rowSpacingM: 0.9,
  endClearanceM: 0.7,
  backClearanceM: 0.15,
};
const r = (from: number, to = from) => ({ from, to });

export async function seedFacilitiesDemo(s: Services): Promise<void> {
  const users = await s.db
    .selectFrom("appUser")
    .select(["id", "username"])
    .where("username", "like", "custody.%")
    .execute();
  const id = (u: string) => users.find((x) => x.username === u)?.id;
  const as = async (u: string) => (id(u) ? loadUserActor(s.db, id(u)!) : null);
  const [manager, keeper, keeper2] = [
    await as("custody.manager"),
    await as("custody.keeper"),
    await as("custody.keeper2"),
  ];
  if (!manager || !keeper || !keeper2) return;
  const f = s.facilities;
  const today = todayInShanghai();

  const site = await f.sites.create(manager, {
    name: "嘉定档案库区",
    address: "嘉定区安亭镇墨玉路88号",
    district: "jiading",
    checklist: {
      high_ground: true,
      ventilated_quiet: true,
      away_from_pollution: true,
      no_high_voltage: true,
      away_from_flammables: true,
      functional_zoning: true,
      no_open_air_passage: true,
      no_open_flame: true,
      insulation_damp_ventilation: true,
      no_flammables: true,
      no_smoking: true,
      no_extra_wiring: true,
      fire_lanes_clear: true,
    },
  });
  const plan = await s.attachments.add(
    manager,
    "site",
    site.id,
    { filename: "库区消防应急预案.pdf", stream: Readable.from(demoPdf("Fire emergency plan, Jiading site")) },
    "消防应急预案",
  );
  await f.sites.update(manager, site.id, { emergencyPlanAttachmentId: plan.id });

  const a = await f.vaults.create(manager, {
    siteId: site.id,
    code: "A",
    name: "一号库房（纸质）",
    floorAreaM2: 420,
    shelvingType: "compact",
    keeperUserId: keeper.userId,
    ...GOOD,
  });
  const b = await f.vaults.create(manager, {
    siteId: site.id,
    code: "B",
    name: "二号库房（音像、电子）",
    floorAreaM2: 160,
    shelvingType: "fixed",
    keeperUserId: keeper2.userId,
    ...GOOD,
    clearHeightM: 2.55,
    floorLoadKnM2: 6,
  });
  for (const [fn, name, area, vaultId] of [
    ["storage", "一号库房", 420, a.id],
    ["storage", "二号库房", 160, b.id],
    ["public_service", "查阅室", 60, null],
    ["technical", "档案整理与消毒室", 80, null],
    ["office", "办公室", 90, null],
    ["ancillary", "设备间", 30, null],
  ] as const)
    await f.sites.addRoom(manager, site.id, { roomFunction: fn, name, areaM2: area, vaultId });

  for (const [code, covers, vaultId, days] of [
    ["CAM-01", ["lift"], null, 90],
    ["CAM-02", ["corridor"], null, 90],
    ["CAM-03", ["perimeter"], null, 90],
    ["CAM-A1", ["door", "aisle"], a.id, 90],
    ["CAM-B1", ["door", "aisle"], b.id, 15],
    ["CAM-R1", ["reading_room"], null, 90],
  ] as const)
    await f.security.addCamera(manager, site.id, {
      code,
      covers: [...covers],
      vaultId,
      recordingAllDay: true,
      retentionDays: days,
    });
  for (const [code, covers] of [
    ["FA-01", ["lift", "corridor"]],
    ["FA-02", ["perimeter"]],
  ] as const)
    await f.security.addFireAlarm(manager, site.id, { code, detector: "smoke", covers: [...covers] });

  const equipment = async (actor: UserActor, vaultId: string, items: [string, string, number, number][]) => {
    for (const [kind, name, interval, dueInDays] of items) {
      const e = await f.equipment.addToVault(actor, vaultId, {
        kind: kind as "dehumidifier",
        name,
        checkIntervalDays: interval,
        nextDueOn: addDays(today, dueInDays),
      });
      // The last check, whose interval sets the due date (past for the overdue one).
      await f.equipment.recordMaintenance(actor, e.id, {
        kind: "check",
        performedOn: addDays(today, dueInDays - interval),
        performedByName: actor.userId === keeper.userId ? "黄芳" : "林涛",
        result: "ok",
      });
    }
  };
  await equipment(keeper, a.id, [
    ["temperature_humidity_monitor", "温湿度自动监测系统", 30, 12],
    ["climate_control", "恒温恒湿空调机组", 90, 40],
    ["fire_suppression", "七氟丙烷气体灭火系统", 180, 75],
    ["fire_extinguisher", "手提式灭火器（6具）", 30, 9],
    ["anti_theft", "门禁及红外报警", 90, 33],
    ["disinfection", "档案消毒柜", 180, 120],
  ]);
  await equipment(keeper2, b.id, [
    ["temperature_humidity_monitor", "温湿度自动监测系统", 30, 20],
    ["dehumidifier", "除湿机", 30, -12],
    ["fire_suppression", "七氟丙烷气体灭火系统", 180, 60],
    ["anti_theft", "门禁及红外报警", 90, 50],
  ]);

  for (const [vaultId, u, device] of [
    [a.id, keeper.userId, "key"],
    [a.id, manager.userId, "access_card"],
    [b.id, keeper2.userId, "key"],
  ] as const)
    await f.vaults.addKeyHolder(manager, vaultId, { userId: u, device, issuedOn: "2026-01-05" });

  const people = [
    {
      name: "马强",
      userId: manager.userId,
      titleLevel: "senior",
      archiveProfessional: true,
      position: "负责人",
    },
    {
      name: "黄芳",
      userId: keeper.userId,
      titleLevel: "intermediate",
      archiveProfessional: true,
      position: "库房管理员",
    },
    {
      name: "林涛",
      userId: keeper2.userId,
      titleLevel: "junior",
      archiveProfessional: true,
      position: "库房管理员",
    },
    {
      name: "何军",
      userId: id("custody.operator") ?? null,
      titleLevel: "none",
      archiveProfessional: false,
      position: "整理员",
    },
  ] as const;
  for (const [i, p] of people.entries()) {
    const staff = await f.staff.create(manager, {
      ...p,
      idNumber: `3101141985030${i}123${i}`,
      employedSince: "2019-03-01",
    });
    await f.staff.addTraining(manager, staff.id, {
      heldOn: addDays(today, -40 - i * 30),
      course: "档案保管保护技术继续教育",
      hours: 16,
      provider: "上海市档案局培训中心",
    });
  }

  const paper = (rows: [number, number], capacity: number): LocationRange => ({
    rows: r(...rows),
    columns: r(1, 6),
    sections: r(1, 2),
    shelves: r(1, 5),
    zone: "paper",
    capacity,
  });
  await f.locations.generate(keeper, a.id, { ranges: [paper([1, 4], 4)] });
  await f.locations.generate(keeper2, b.id, {
    ranges: [
      {
        rows: r(1),
        columns: r(1, 4),
        sections: r(1),
        shelves: r(1, 5),
        zone: "audiovisual_tape",
        capacity: 6,
      },
      { rows: r(2), columns: r(1, 4), sections: r(1), shelves: r(1, 5), zone: "electronic", capacity: 6 },
    ],
  });
}
