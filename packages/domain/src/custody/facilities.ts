// Facilities of a custody agency beyond the vault's own measurements: functional
// rooms (D-5.3), fire alarms (D-5.10), protective equipment and its upkeep
// (D-5.8, D-9.7), fire safety and the emergency plan (D-5.7, D-9.3) and the
// custody of keys (D-9.2). Every check returns findings like compliance.ts.
import type { Message } from "../errors/domain-error.ts";
import type { Finding } from "./compliance.ts";
import type { CarrierZone } from "./environment.ts";

/** Names of the carrier zones (D-9.1) for labels, lists and exports. */
export const CARRIER_ZONE_LABELS: Record<CarrierZone, Message> = {
  paper: { zh: "纸质档案区", en: "Paper" },
  special_collection: { zh: "特藏区", en: "Special collection" },
  audiovisual_tape: { zh: "音像磁带区", en: "Audiovisual tape" },
  copy_film: { zh: "拷贝片区", en: "Copy film" },
  master_film: { zh: "母片区", en: "Master film" },
  optical_disc: { zh: "光盘区", en: "Optical disc" },
  electronic: { zh: "电子档案区", en: "Electronic" },
  photo: { zh: "照片区", en: "Photo" },
};

/** D-5.3: the functions a custody agency's rooms serve. */
export const ROOM_FUNCTIONS = ["storage", "public_service", "technical", "office", "ancillary"] as const;
export type RoomFunction = (typeof ROOM_FUNCTIONS)[number];

export const FIRE_DETECTORS = ["smoke", "heat", "flame", "gas", "manual_call_point"] as const;
export type FireDetector = (typeof FIRE_DETECTORS)[number];

/** D-5.8, D-9.7: protective equipment, grouped as the clauses name it. */
export const EQUIPMENT_KINDS = [
  "temperature_humidity_monitor",
  "climate_control",
  "dehumidifier",
  "fire_extinguisher",
  "fire_suppression",
  "anti_theft",
  "disinfection",
] as const;
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number];

export const EQUIPMENT_GROUPS = {
  climate: ["temperature_humidity_monitor", "climate_control", "dehumidifier"],
  fire: ["fire_extinguisher", "fire_suppression"],
  anti_theft: ["anti_theft"],
  disinfection: ["disinfection"],
} as const satisfies Record<string, readonly EquipmentKind[]>;
export type EquipmentGroup = keyof typeof EQUIPMENT_GROUPS;

export const EQUIPMENT_STATUSES = ["in_service", "faulty", "retired"] as const;
export type EquipmentStatus = (typeof EQUIPMENT_STATUSES)[number];

export const MAINTENANCE_KINDS = ["check", "maintenance", "repair"] as const;
export const MAINTENANCE_RESULTS = ["ok", "fault_found", "fixed"] as const;
export type MaintenanceResult = (typeof MAINTENANCE_RESULTS)[number];

/** D-9.2: what opens a vault. */
export const KEY_DEVICES = ["key", "access_card", "password", "biometric"] as const;
export type KeyDevice = (typeof KEY_DEVICES)[number];

export const TITLE_LEVELS = ["none", "junior", "intermediate", "senior"] as const;

/**
 * D-5.10 asks that recordings be kept "for review" without a figure. The
 * minimum below is this project's default, not the spec's; callers may set
 * their own and the compliance report says which one applied.
 */
export const CCTV_RETENTION_DEFAULT = {
  days: 30,
  source: "project default (D-5.10 sets no figure)",
  status: "PROJECT_DEFAULT",
} as const;

/** D-5.7, D-9.3 items answered yes/no, kept in site.checklist beside D-5.2/D-5.4. */
export const SITE_SAFETY_CHECKLIST = [
  {
    key: "no_open_flame",
    clause: "D-5.7",
    label: { zh: "库房内无明火设施", en: "No open-flame installations in the vaults" },
  },
  {
    key: "insulation_damp_ventilation",
    clause: "D-5.7",
    label: { zh: "隔热、防潮、通风满足要求", en: "Insulation, damp-proofing and ventilation" },
  },
  {
    key: "no_flammables",
    clause: "D-9.3",
    label: { zh: "库房及周边无易燃易爆危险品", en: "No flammable or explosive goods nearby" },
  },
  { key: "no_smoking", clause: "D-9.3", label: { zh: "严禁吸烟", en: "No smoking" } },
  {
    key: "no_extra_wiring",
    clause: "D-9.3",
    label: { zh: "无随意增加电器设备或乱拉电线", en: "No added appliances or makeshift wiring" },
  },
  {
    key: "fire_lanes_clear",
    clause: "D-9.3",
    label: { zh: "消防通道畅通、无杂物堆放", en: "Fire lanes clear of clutter" },
  },
] as const;
export type SiteSafetyKey = (typeof SITE_SAFETY_CHECKLIST)[number]["key"];

const yesNo = (v: boolean | undefined) => (v === undefined ? null : v ? "yes" : "no");

export function checkSiteSafety(answers: Partial<Record<string, boolean>>): Finding[] {
  return SITE_SAFETY_CHECKLIST.map((item) => ({
    clause: item.clause,
    item: item.key,
    label: item.label,
    ok: answers[item.key] === true,
    measured: yesNo(answers[item.key]),
    required: "yes",
  }));
}

const ROOM_ZH: Record<RoomFunction, string> = {
  storage: "档案存储专库",
  public_service: "对外服务用房",
  technical: "档案业务和技术用房",
  office: "办公用房",
  ancillary: "其他附属用房",
};

/** D-5.3: every function has at least one room at the site. */
export function checkRooms(
  rooms: readonly { roomFunction: RoomFunction; areaM2: number | null }[],
): Finding[] {
  return ROOM_FUNCTIONS.map((fn) => {
    const of = rooms.filter((r) => r.roomFunction === fn);
    const area = of.reduce((sum, r) => sum + (r.areaM2 ?? 0), 0);
    return {
      clause: "D-5.3",
      item: `room_${fn}`,
      label: { zh: ROOM_ZH[fn], en: `Rooms: ${fn.replace("_", " ")}` },
      ok: of.length > 0,
      measured: of.length ? `${of.length} (${Math.round(area * 100) / 100} m²)` : "none",
      required: "≥ 1 room",
    };
  });
}

/** D-5.10: fire alarms at lifts, corridors and the perimeter, like the cameras. */
export function checkFireAlarms(alarms: readonly { covers: readonly string[] }[]): Finding[] {
  const covered = new Set(alarms.flatMap((a) => a.covers));
  const zh = { lift: "电梯", corridor: "楼道", perimeter: "库区周边" } as const;
  return (["lift", "corridor", "perimeter"] as const).map((area) => ({
    clause: "D-5.10",
    item: `fire_alarm_${area}`,
    label: { zh: `火灾报警覆盖：${zh[area]}`, en: `Fire alarms cover the ${area}` },
    ok: covered.has(area),
    measured: covered.has(area) ? "covered" : "not covered",
    required: "covered",
  }));
}

export interface EquipmentFacts {
  kind: EquipmentKind;
  status: EquipmentStatus;
  nextDueOn: string;
}

/** D-9.7: a check is overdue once its due date has passed (dates as YYYY-MM-DD). */
export const isOverdue = (e: { status: EquipmentStatus; nextDueOn: string }, today: string) =>
  e.status !== "retired" && e.nextDueOn < today;

const GROUP_LABEL: Record<EquipmentGroup, Message> = {
  climate: { zh: "温湿度检测调控设备", en: "Temperature and humidity monitoring and control" },
  fire: { zh: "消防设备", en: "Fire equipment" },
  anti_theft: { zh: "防盗设备", en: "Anti-theft equipment" },
  disinfection: { zh: "档案消毒设备", en: "Disinfection equipment" },
};

/**
 * D-5.8: each group present and in service (the spec scales quantity with floor
 * area but gives no ratio, so presence is checked). D-9.7: no check overdue,
 * nothing faulty. D-9.3: fire equipment checked on time.
 */
export function checkEquipment(items: readonly EquipmentFacts[], today: string): Finding[] {
  const live = items.filter((e) => e.status !== "retired");
  const findings: Finding[] = (Object.keys(EQUIPMENT_GROUPS) as EquipmentGroup[]).map((g) => {
    const n = live.filter(
      (e) => e.status === "in_service" && (EQUIPMENT_GROUPS[g] as readonly string[]).includes(e.kind),
    ).length;
    return {
      clause: "D-5.8",
      item: `equipment_${g}`,
      label: GROUP_LABEL[g],
      ok: n > 0,
      measured: n,
      required: "≥ 1 in service",
    };
  });
  const overdue = live.filter((e) => isOverdue(e, today));
  const faulty = live.filter((e) => e.status === "faulty").length;
  findings.push({
    clause: "D-9.7",
    item: "equipment_checks_current",
    label: { zh: "防护设备按期检查维护", en: "Protective equipment checked on schedule" },
    ok: overdue.length === 0 && faulty === 0,
    measured: `${overdue.length} overdue, ${faulty} faulty`,
    required: "0 overdue, 0 faulty",
  });
  const fireOverdue = overdue.filter((e) => (EQUIPMENT_GROUPS.fire as readonly string[]).includes(e.kind));
  findings.push({
    clause: "D-9.3",
    item: "fire_equipment_checked",
    label: { zh: "消防器材定期检查维护", en: "Fire equipment checked regularly" },
    ok: fireOverdue.length === 0,
    measured: fireOverdue.length,
    required: "0 overdue",
  });
  return findings;
}

/** D-9.3: the agency's fire emergency plan is on file for the site. */
export const checkEmergencyPlan = (attached: boolean): Finding => ({
  clause: "D-9.3",
  item: "emergency_plan",
  label: { zh: "库区消防应急预案", en: "Fire emergency plan" },
  ok: attached,
  measured: attached ? "attached" : "missing",
  required: "attached",
});

/** D-9.2: a named keeper, and keys or access devices held by named staff. */
export function checkKeyCustody(keeperNamed: boolean, keyHolders: number): Finding[] {
  return [
    {
      clause: "D-9.2",
      item: "vault_keeper",
      label: { zh: "指定专人负责库房管理", en: "A named vault keeper" },
      ok: keeperNamed,
      measured: keeperNamed ? "named" : "none",
      required: "named",
    },
    {
      clause: "D-9.2",
      item: "key_holders",
      label: { zh: "库房钥匙或门禁设备专人专管", en: "Keys held by named people" },
      ok: keyHolders > 0,
      measured: keyHolders,
      required: "≥ 1 named holder",
    },
  ];
}
