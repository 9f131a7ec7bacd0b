// Z-7.3: the client's home-page alert: volumes stopped at a digitization site,
// waiting for its decision to resume or withdraw them.
import { Alert } from "antd";
import { Link } from "react-router-dom";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { originalsApi } from "./api.ts";

export function DigitizationStopsAlert() {
  const { t } = useI18n();
  const m = t.digitizationOriginals;
  const q = useQuery(() => originalsApi.openStops(), []);
  const stops = q.data?.items ?? [];
  if (stops.length === 0) return null;
  const first = stops[0]!;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="digitization-stops-alert"
      title={m.alertTitle(stops.length)}
      description={stops.slice(0, 5).map((s) => (
        <div key={s.id}>
          <Link to={`/digitization/originals?project=${s.projectId}&tab=stops`}>{s.referenceCode}</Link> ·{" "}
          {s.projectName} · {s.description}
        </div>
      ))}
      action={<Link to={`/digitization/originals?project=${first.projectId}&tab=stops`}>{m.tabStops}</Link>}
    />
  );
}
