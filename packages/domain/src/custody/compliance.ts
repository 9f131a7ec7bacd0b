// The vault compliance check: each measured attribute against the figures of
// Annex 1 §5 and §6. Every finding names its clause and the measured value.
import type { Message } from "../errors/domain-error.ts";

export type ShelvingType = "compact" | "fixed";

export interface VaultMeasurements {
  clearHeightM: number | null;
  floorLoadKnM2: number | null;
  shelvingType: ShelvingType;
  fireWallZoneH: number | null;
  fireWallRoomH: number | null;
  fireWallInnerH: number | null;
  mainAisleM: number | null;
  rowSpacingM: number | null;
  endClearanceM: number | null;
  backClearanceM: number | null;
}

export const CAMERA_AREAS = [
  "lift",
  "corridor",
  "perimeter",
  "door",
  "aisle",
  "reading_room",
  "workstation",
  "loading",
] as const;
export type CameraArea = (typeof CAMERA_AREAS)[number];

export interface CameraFacts {
  covers: readonly string[];
  recording24h: boolean;
  retentionDays: number | null;
}

/** D-5.2 and D-5.4 site items, answered yes/no by the inspector. */
export const SITE_CHECKLIST = [
  {
    key: "high_ground",
    clause: "D-5.2",
    label: { zh: "地势较高、场地干燥、排水通畅", en: "High, dry, well-drained ground" },
  },
  {
    key: "ventilated_quiet",
    clause: "D-5.2",
    label: { zh: "空气流通、环境安静", en: "Ventilated and quiet" },
  },
  {
    key: "away_from_pollution",
    clause: "D-5.2",
    label: { zh: "远离污染源", en: "Away from pollution sources" },
  },
  {
    key: "no_high_voltage",
    clause: "D-5.2",
    label: { zh: "无高压输电线穿越", en: "No high-voltage lines crossing" },
  },
  {
    key: "away_from_flammables",
    clause: "D-5.2",
    label: { zh: "远离易燃易爆场所", en: "Away from flammable or explosive stores" },
  },
  {
    key: "functional_zoning",
    clause: "D-5.4",
    label: { zh: "按功能分区，各类用房相对独立", en: "Functional zoning; rooms kept separate" },
  },
  {
    key: "no_open_air_passage",
    clause: "D-5.4",
    label: { zh: "档案传送不经过露天通道", en: "No open-air passage for moving archives" },
  },
] as const;
export type SiteChecklistKey = (typeof SITE_CHECKLIST)[number]["key"];

export interface Finding {
  clause: string;
  item: string;
  label: Message;
  ok: boolean;
  /** Measured value (number, or text for non-numeric items); null when not recorded. */
  measured: number | string | null;
  required: string;
}

const minimum = (
  clause: string,
  item: string,
  label: Message,
  measured: number | null,
  min: number,
  unit: string,
): Finding => ({
  clause,
  item,
  label,
  ok: measured !== null && measured >= min,
  measured,
  required: `≥ ${min} ${unit}`,
});

/** D-5.5 – D-5.9 numeric checks. A missing measurement fails: unknown is not compliant. */
export function checkVault(v: VaultMeasurements): Finding[] {
  const compact = v.shelvingType === "compact";
  return [
    minimum("D-5.5", "clear_height", { zh: "库房净高", en: "Clear height" }, v.clearHeightM, 2.6, "m"),
    minimum(
      "D-5.6",
      "floor_load",
      {
        zh: compact ? "楼面活荷载（密集架）" : "楼面活荷载",
        en: compact ? "Floor live load (compact shelving)" : "Floor live load",
      },
      v.floorLoadKnM2,
      compact ? 12 : 5,
      "kN/m²",
    ),
    minimum(
      "D-5.7",
      "fire_wall_zone",
      { zh: "防火分区间及与其他部分隔墙耐火极限", en: "Fire wall between fire zones" },
      v.fireWallZoneH,
      4,
      "h",
    ),
    minimum(
      "D-5.7",
      "fire_wall_room",
      { zh: "同一防火分区内库房间隔墙耐火极限", en: "Fire wall between rooms in one zone" },
      v.fireWallRoomH,
      3,
      "h",
    ),
    minimum(
      "D-5.7",
      "fire_wall_inner",
      { zh: "其他内墙及电梯井耐火极限", en: "Other inner walls and lift shafts" },
      v.fireWallInnerH,
      2,
      "h",
    ),
    minimum("D-5.9", "main_aisle", { zh: "主通道净宽", en: "Main aisle width" }, v.mainAisleM, 1.2, "m"),
    minimum(
      "D-5.9",
      "row_spacing",
      { zh: "两行装具间净宽", en: "Width between shelf rows" },
      v.rowSpacingM,
      0.8,
      "m",
    ),
    minimum(
      "D-5.9",
      "end_clearance",
      { zh: "装具端部与墙净距", en: "Shelf end to wall" },
      v.endClearanceM,
      0.6,
      "m",
    ),
    minimum(
      "D-5.9",
      "back_clearance",
      { zh: "装具背部与墙净距", en: "Shelf back to wall" },
      v.backClearanceM,
      0.1,
      "m",
    ),
  ];
}

/** D-5.10: cameras cover lifts, corridors and perimeter, recording 24 h, recordings kept. */
export function checkCameras(cameras: readonly CameraFacts[], minRetentionDays: number): Finding[] {
  const covered = new Set(cameras.flatMap((c) => c.covers));
  const findings: Finding[] = (["lift", "corridor", "perimeter"] as const).map((area) => ({
    clause: "D-5.10",
    item: `cctv_${area}`,
    label: { zh: `视频监控覆盖：${AREA_ZH[area]}`, en: `CCTV covers the ${area}` },
    ok: covered.has(area),
    measured: covered.has(area) ? "covered" : "blind spot",
    required: "covered",
  }));
  const not24h = cameras.filter((c) => !c.recording24h).length;
  findings.push({
    clause: "D-5.10",
    item: "cctv_24h",
    label: { zh: "24小时不间断录像", en: "Recording 24 hours" },
    ok: cameras.length > 0 && not24h === 0,
    measured: cameras.length === 0 ? "no cameras" : `${cameras.length - not24h}/${cameras.length}`,
    required: "all cameras",
  });
  const shortest = cameras.length ? Math.min(...cameras.map((c) => c.retentionDays ?? 0)) : null;
  findings.push(
    minimum(
      "D-5.10",
      "cctv_retention",
      { zh: "录像保存天数", en: "Recording retention" },
      shortest,
      minRetentionDays,
      "days",
    ),
  );
  return findings;
}

const AREA_ZH: Record<CameraArea, string> = {
  lift: "电梯",
  corridor: "楼道",
  perimeter: "库区周边",
  door: "库门",
  aisle: "通道",
  reading_room: "阅览室",
  workstation: "工位",
  loading: "装卸区",
};

export function checkSite(answers: Partial<Record<SiteChecklistKey, boolean>>): Finding[] {
  return SITE_CHECKLIST.map((item) => ({
    clause: item.clause,
    item: item.key,
    label: item.label,
    ok: answers[item.key] === true,
    measured: answers[item.key] === undefined ? null : answers[item.key] ? "yes" : "no",
    required: "yes",
  }));
}

export type TitleLevel = "none" | "junior" | "intermediate" | "senior";

/** D-6.1: at least one archive professional of intermediate title or above. */
export function checkStaff(
  staff: readonly { archiveProfessional: boolean; titleLevel: TitleLevel }[],
): Finding {
  const qualified = staff.filter(
    (s) => s.archiveProfessional && (s.titleLevel === "intermediate" || s.titleLevel === "senior"),
  ).length;
  return {
    clause: "D-6.1",
    item: "intermediate_title",
    label: {
      zh: "档案专业中级及以上技术职务人员",
      en: "Archive professionals of intermediate title or above",
    },
    ok: qualified >= 1,
    measured: qualified,
    required: "≥ 1",
  };
}

/**
 * D-4.1: the agency has the premises, facilities, equipment and staff its
 * business needs — functional rooms at the site, equipment in service in
 * every protective group, and active staff.
 */
export function checkCapability(facts: {
  rooms: number;
  equipmentGroupsMissing: readonly string[];
  activeStaff: number;
}): Finding {
  const gaps = [
    ...(facts.rooms === 0 ? ["rooms"] : []),
    ...facts.equipmentGroupsMissing.map((g) => `equipment:${g}`),
    ...(facts.activeStaff === 0 ? ["staff"] : []),
  ];
  return {
    clause: "D-4.1",
    item: "agency_capability",
    label: {
      zh: "具有与业务相适应的场所、设施设备和人员",
      en: "Premises, facilities, equipment and staff fit for the business",
    },
    ok: gaps.length === 0,
    measured: gaps.length === 0 ? "complete" : `missing: ${gaps.join(", ")}`,
    required: "rooms, every equipment group in service, ≥ 1 active staff member",
  };
}
