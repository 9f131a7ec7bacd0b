// Small shared pieces of the QC pages: outcome and status tags, progress.
import { Progress, Tag } from "antd";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { DELIVERY_STATUS, type Delivery, OUTCOME, type Outcome } from "./api.ts";

export function OutcomeTag({ outcome }: { outcome: Outcome | null | undefined }) {
  const { pick } = useI18n();
  if (!outcome) return <>—</>;
  const o = OUTCOME[outcome];
  return <Tag color={o.color}>{pick(o)}</Tag>;
}

export function DeliveryProgress({ d }: { d: Delivery }) {
  const { pick } = useI18n();
  if (d.status === "queued" || d.status === "checking") {
    const pct = d.totalFiles ? Math.floor((d.processedFiles / d.totalFiles) * 100) : 0;
    return (
      <Progress
        percent={pct}
        size="small"
        status="active"
        format={() => `${d.processedFiles}/${d.totalFiles || "?"}`}
        data-testid="qc-progress"
      />
    );
  }
  const s = DELIVERY_STATUS[d.status];
  return <Tag color={s.color}>{pick(s)}</Tag>;
}

export const running = (d: { status: string } | undefined) =>
  d?.status === "queued" || d?.status === "checking";
