// Turns what the digitization modules report as open into the checklist's
// messages (Z-8.2): device dispositions (Z-8.3), the media handover (Z-7.7),
// the return of originals (Z-8.1) and the QC verdicts of every batch (Z-7.4).
import type { Database } from "@dangan/db";
import type { Message } from "@dangan/domain";
import { type Kysely, sql } from "kysely";
import type { DigitizationOpenPoints } from "./acceptance.facts.ts";

interface SiteFacts {
  openDispositions(projectId: string): Promise<{ name: string; serial: string | null }[]>;
  mediaHandoverComplete(projectId: string): Promise<{ openPoints: { kind: string; label?: string }[] }>;
}
interface OriginalsFacts {
  originalsReturnComplete(projectId: string): Promise<{ openPoints: { kind: string; label: string }[] }>;
}

const HANDOVER: Record<string, Message> = {
  no_results_media: { zh: "未登记成果存储介质", en: "No results medium registered" },
  no_handover: { zh: "成果尚未移交委托方", en: "Results not handed to the client" },
  media_not_handed: { zh: "介质未移交", en: "Medium not handed over" },
  manifest_not_verified: { zh: "成果清单未经委托方核验", en: "Manifest not verified by the client" },
  manifest_mismatch: { zh: "成果清单核验不一致", en: "Manifest verification found differences" },
  no_copy_not_confirmed: {
    zh: "机构尚未确认不留存成果",
    en: "The agency has not confirmed it keeps no copy",
  },
};
const RETURN: Record<string, Message> = {
  volume_not_returned: { zh: "原件未归还", en: "Original not returned" },
  open_stop: { zh: "暂停未处理", en: "Stop not resolved" },
  list_not_confirmed: { zh: "交接清单未经双方确认", en: "Handover list not confirmed by both" },
  handover_not_closed: { zh: "交接未闭合", en: "Handover not closed" },
};

const withLabel = (m: Message | undefined, kind: string, label?: string): Message => {
  const base = m ?? { zh: kind, en: kind };
  return label ? { zh: `${base.zh}：${label}`, en: `${base.en}: ${label}` } : base;
};

export function digitizationOpenPoints(
  db: Kysely<Database>,
  site: SiteFacts,
  originals: OriginalsFacts,
): DigitizationOpenPoints {
  return {
    async devices(projectId) {
      const open = await site.openDispositions(projectId);
      return open.map((d) => ({
        zh: `设备未处置：${d.name}${d.serial ? ` ${d.serial}` : ""}`,
        en: `Device not disposed of: ${d.name}${d.serial ? ` ${d.serial}` : ""}`,
      }));
    },
    async mediaHandover(projectId) {
      const r = await site.mediaHandoverComplete(projectId);
      return r.openPoints.map((p) => withLabel(HANDOVER[p.kind], p.kind, p.label));
    },
    async originalsReturned(projectId) {
      const r = await originals.originalsReturnComplete(projectId);
      return r.openPoints.map((p) => withLabel(RETURN[p.kind], p.kind, p.label));
    },
    async quality(projectId) {
      // Every batch's latest delivery has the client's "accepted" QC verdict.
      const r = await sql<{ code: string; verdict: string | null }>`
        SELECT b.code, s.verdict
          FROM digitization_batch b
          LEFT JOIN LATERAL (SELECT d.id FROM digitization_delivery d WHERE d.batch_id = b.id
                              ORDER BY d.seq DESC LIMIT 1) d ON true
          LEFT JOIN digitization_qc_sample s ON s.delivery_id = d.id
         WHERE b.project_id = ${projectId}
         ORDER BY b.code`.execute(db);
      return r.rows
        .filter((b) => b.verdict !== "accepted")
        .map((b) => ({ zh: `批次 ${b.code} 未通过质量检查`, en: `Batch ${b.code} has not passed QC` }));
    },
  };
}
