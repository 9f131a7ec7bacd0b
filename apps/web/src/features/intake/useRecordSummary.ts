// One line saying what a step recorded (counts, findings, transport, register).
import { useI18n } from "../../i18n/LocaleContext.tsx";
import type { StepRecord } from "./api.ts";

type Counts = { title: string; listed: number; counted: number }[];

export function useRecordSummary() {
  const { t } = useI18n();
  const i = t.intake;
  return (s: StepRecord): string => {
    const r = s.records as Record<string, unknown>;
    switch (s.action) {
      case "site_visit":
        return r.attachment ? i.sumAttachment(String(r.attachment)) : "";
      case "unshelve":
        return ((r.counts as Counts) ?? []).map((c) => i.sumCount(c.title, c.counted, c.listed)).join("；");
      case "check_condition":
        return i.sumConditions(Number(r.findings ?? 0), Number(r.problems ?? 0));
      case "finish_boxing":
      case "complete":
        return i.sumBoxes(Number(r.boxes ?? 0));
      case "load": {
        const tr = (r.transport ?? {}) as { by?: string; vehicle?: string };
        return i.sumTransport(
          tr.by === "client" ? i.byClient : i.byAgency,
          tr.vehicle ?? "—",
          Number(r.boxes ?? 0),
        );
      }
      case "finish_inspection":
        return i.sumInspection(Number(r.inspected ?? 0), Number(r.anomalies ?? 0));
      case "repack": {
        const reg = r.register as { boxes?: unknown[]; emptied?: unknown[] } | undefined;
        return i.sumRepack(reg?.boxes?.length ?? 0, reg?.emptied?.length ?? 0);
      }
      default:
        return "";
    }
  };
}
