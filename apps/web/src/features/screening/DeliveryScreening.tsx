// Z-7.3: what the classification-mark screening of a QC delivery found — pages
// read, marks found (each stopped its volume), with a link to the alerts.
import { Alert } from "antd";
import { Link } from "react-router-dom";
import { useI18n } from "../../i18n/LocaleContext.tsx";

export interface ScreeningSummary {
  enabled: boolean;
  pages: number;
  unreadable?: number;
  hits: number;
  ms: number;
}

export function DeliveryScreening({ s }: { s: ScreeningSummary | null | undefined }) {
  const { t } = useI18n();
  const m = t.screening;
  if (!s) return null;
  if (!s.enabled) return <Alert style={{ marginTop: 8 }} type="warning" showIcon title={m.disabled} />;
  return (
    <Alert
      style={{ marginTop: 8 }}
      type={s.hits ? "error" : "success"}
      showIcon
      data-testid="delivery-screening"
      title={s.hits ? m.deliveryHits(s.pages, s.hits) : m.deliveryClean(s.pages, s.ms / 1000)}
      action={
        s.hits ? <Link to="/screening?source=qc_delivery&status=open">{m.alertAction}</Link> : undefined
      }
    />
  );
}
