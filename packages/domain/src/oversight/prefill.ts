// G-7, G-13: items the system already knows are answered from its data, with
// the evidence linked, before anyone walks the site. A failing fact marks the
// item failed; passing facts mark it passed only where the data is complete
// enough to say so (vault compliance); everything else stays for the inspector.
import type { Message } from "../errors/domain-error.ts";

export type ItemResult = "unanswered" | "pass" | "fail" | "not_applicable";

export interface Evidence {
  /** The linked record: vault, environment_alert, inventory_vault, incident, equipment. */
  type: string;
  id: string;
  label: Message;
  ok: boolean;
}

export interface OversightFacts {
  /** Vault compliance findings (D-5.x, D-6.1, D-9.x) per vault. */
  vaults: { id: string; code: string; findings: { clause: string; ok: boolean; label: Message }[] }[];
  /** Open environment alerts (D-9.4). */
  openAlerts: { id: string; vaultCode: string; kind: string }[];
  /** Completed inventory checks this year per vault (D-9.8 asks for two). */
  inventory: { vaultId: string; vaultCode: string; completed: number }[];
  /** Open incidents of the project (G-7). */
  openIncidents: { id: string; title: string; clauseId: string | null }[];
  /** Protective equipment past its maintenance date (D-9.7). */
  overdueEquipment: { id: string; name: string; nextDueOn: string }[];
  /** Digitization site: sealed ports whose seal test is overdue (Z-5.8), camera gaps (Z-5.5). */
  overdueSealTests?: { id: string; label: string; dueAt: string }[];
  coverageGaps?: Message[];
}

export interface Prefill {
  clause: string;
  result: ItemResult;
  evidence: Evidence[];
}

/** D-9.8: at least two inventory checks a year. */
export const MIN_INVENTORY_CHECKS_PER_YEAR = 2;

export function prefillChecklist(clauses: readonly string[], facts: OversightFacts): Prefill[] {
  const evidence = new Map<string, Evidence[]>();
  const add = (clause: string, e: Evidence) => evidence.set(clause, [...(evidence.get(clause) ?? []), e]);
  for (const v of facts.vaults)
    for (const f of v.findings)
      add(f.clause, {
        type: "vault",
        id: v.id,
        ok: f.ok,
        label: { zh: `${v.code}：${f.label.zh}`, en: `${v.code}: ${f.label.en}` },
      });
  for (const a of facts.openAlerts)
    add("D-9.4", {
      type: "environment_alert",
      id: a.id,
      ok: false,
      label: {
        zh: `${a.vaultCode} 温湿度告警未处理`,
        en: `${a.vaultCode}: open environment alert (${a.kind})`,
      },
    });
  for (const k of facts.inventory)
    add("D-9.8", {
      type: "inventory_vault",
      id: k.vaultId,
      ok: k.completed >= MIN_INVENTORY_CHECKS_PER_YEAR,
      label: {
        zh: `${k.vaultCode} 本年度已完成盘点 ${k.completed} 次（应不少于 ${MIN_INVENTORY_CHECKS_PER_YEAR} 次）`,
        en: `${k.vaultCode}: ${k.completed} inventory checks completed this year (at least ${MIN_INVENTORY_CHECKS_PER_YEAR})`,
      },
    });
  for (const i of facts.openIncidents) {
    const e: Evidence = {
      type: "incident",
      id: i.id,
      ok: false,
      label: { zh: `未结事故：${i.title}`, en: `Open incident: ${i.title}` },
    };
    add("G-7", e);
    if (i.clauseId && i.clauseId !== "G-7") add(i.clauseId, e);
  }
  for (const q of facts.overdueEquipment)
    add("D-9.7", {
      type: "equipment",
      id: q.id,
      ok: false,
      label: {
        zh: `${q.name} 维护逾期（应于 ${q.nextDueOn}）`,
        en: `${q.name}: maintenance overdue since ${q.nextDueOn}`,
      },
    });
  for (const t of facts.overdueSealTests ?? [])
    add("Z-5.8", {
      type: "digitization_port",
      id: t.id,
      ok: false,
      label: {
        zh: `${t.label} 封闭检测逾期（应于 ${t.dueAt.slice(0, 10)}）`,
        en: `${t.label}: seal test overdue since ${t.dueAt.slice(0, 10)}`,
      },
    });
  for (const [n, g] of (facts.coverageGaps ?? []).entries())
    add("Z-5.5", { type: "digitization_camera", id: String(n), ok: false, label: g });
  return clauses.map((clause) => {
    const list = evidence.get(clause) ?? [];
    const result: ItemResult = list.length === 0 ? "unanswered" : list.some((e) => !e.ok) ? "fail" : "pass";
    return { clause, result, evidence: list };
  });
}
