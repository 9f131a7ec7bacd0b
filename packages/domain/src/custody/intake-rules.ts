// Annex 1, section 8: the rules an intake batch applies to its people and its
// boxes. Each refusal names its clause; the workflow (intake-workflow.ts) and
// the per-box records (box-rules.ts) call these.
import { DomainError } from "../errors/domain-error.ts";

export type IntakeSide = "client" | "agency";

/** How many named people of each party a step's record carries. */
export interface SideCount {
  client: number;
  agency: number;
}

export const countSides = (people: readonly { side: IntakeSide }[]): SideCount => ({
  client: people.filter((p) => p.side === "client").length,
  agency: people.filter((p) => p.side === "agency").length,
});

/** D-8.4: what a condition check can find; anything but `good` needs treatment. */
export const CONDITIONS = [
  "good",
  "mould",
  "pests",
  "acidified_film",
  "damaged",
  "water_damage",
  "other",
] as const;
export type Condition = (typeof CONDITIONS)[number];

export const CONDITION_LABELS: Record<Condition, { zh: string; en: string }> = {
  good: { zh: "完好", en: "Good" },
  mould: { zh: "霉变", en: "Mould" },
  pests: { zh: "虫害", en: "Pests" },
  acidified_film: { zh: "胶片酸化", en: "Acidified film" },
  damaged: { zh: "破损", en: "Damaged" },
  water_damage: { zh: "水渍", en: "Water damage" },
  other: { zh: "其他异常", en: "Other problem" },
};

export const needsTreatment = (c: Condition) => c !== "good";

/** D-8.1: both parties name responsible people; unshelving and boxing need the client. */
export function missingPerson(
  have: SideCount,
  need: Partial<SideCount>,
  clause: string,
  what: { zh: string; en: string },
): DomainError | undefined {
  const short = (["client", "agency"] as const).filter((s) => have[s] < (need[s] ?? 0));
  if (short.length === 0) return undefined;
  const names = {
    client: { zh: "委托方人员", en: "a client person" },
    agency: { zh: "受托方人员", en: "an agency person" },
  };
  return new DomainError({
    code: "INTAKE_PERSON_REQUIRED",
    status: 422,
    clause,
    message: {
      zh: `${what.zh}须有${short.map((s) => names[s].zh).join("和")}在场并记录姓名`,
      en: `${what.en} needs ${short.map((s) => names[s].en).join(" and ")} present and named`,
    },
    details: { missing: short },
  });
}

export type Transporter = IntakeSide;

/** D-8.7: a named escort always; when the agency transports, the client sends one too. */
export function escortProblem(by: Transporter, escorts: SideCount): DomainError | undefined {
  if (escorts[by] < 1) {
    return new DomainError({
      code: "ESCORT_REQUIRED",
      status: 422,
      clause: "D-8.7",
      message: {
        zh: "运送须由承担运送的一方指定专人押运",
        en: "The party that transports must name an escort",
      },
    });
  }
  if (by === "agency" && escorts.client < 1) {
    return new DomainError({
      code: "CLIENT_ESCORT_REQUIRED",
      status: 422,
      clause: "D-8.7",
      message: {
        zh: "受托机构承担运送的，委托方应当派员参与押运",
        en: "When the agency transports, the client must send an escort too",
      },
    });
  }
  return undefined;
}

export interface InspectionFinding {
  sealIntact: boolean;
  damaged: boolean;
  missingItems: number;
}

export type AnomalyKind = "loss" | "damage" | "anomaly";

/** D-8.8: what an intake inspection found wrong, most serious first; null when all is well. */
export function inspectionAnomaly(
  f: InspectionFinding,
): { kind: AnomalyKind; zh: string; en: string } | null {
  const parts: { zh: string; en: string }[] = [];
  if (f.missingItems > 0)
    parts.push({ zh: `缺失${f.missingItems}件`, en: `${f.missingItems} item(s) missing` });
  if (f.damaged) parts.push({ zh: "档案受损", en: "damage" });
  if (!f.sealIntact) parts.push({ zh: "封条破损", en: "seal broken" });
  if (parts.length === 0) return null;
  const kind: AnomalyKind = f.missingItems > 0 ? "loss" : f.damaged ? "damage" : "anomaly";
  return { kind, zh: parts.map((p) => p.zh).join("，"), en: parts.map((p) => p.en).join(", ") };
}

/** D-8.10: agency staff open client content only under a client grant. */
export function contentViewRefusal(side: IntakeSide | "other", granted: boolean): DomainError | undefined {
  if (side === "client" || (side === "agency" && granted)) return undefined;
  return new DomainError({
    code: "CONTENT_ACCESS_NOT_GRANTED",
    status: 403,
    clause: "D-8.10",
    message: {
      zh: "未经委托方允许，不得翻阅、查看、复制客户档案内容",
      en: "Client archive content may not be viewed without the client's permission",
    },
  });
}
