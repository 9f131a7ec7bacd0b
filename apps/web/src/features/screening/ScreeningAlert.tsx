// Z-7.3, D-10.8: the home-page alert of open classification-mark alerts.
import { Alert } from "antd";
import { Link } from "react-router-dom";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { screeningApi } from "./api.ts";

export function ScreeningAlert() {
  const { t } = useI18n();
  const q = useQuery(() => screeningApi.summary(), []);
  const n = q.data?.open ?? 0;
  if (n === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="screening-alert"
      title={t.screening.alertTitle(n)}
      action={<Link to="/screening?status=open">{t.screening.alertAction}</Link>}
    />
  );
}
