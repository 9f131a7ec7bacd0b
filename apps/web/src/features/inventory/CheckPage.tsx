// One inventory check: scanning while it runs, its results once completed.
import { Breadcrumb, Descriptions, Result, Space, Tag } from "antd";
import { Link, useParams } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { FullPageSpin } from "../../components/FullPageSpin.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { inventoryApi } from "./api.ts";
import { METHOD } from "./labels.ts";
import { ResultsPanel } from "./ResultsPanel.tsx";
import { ScanPanel } from "./ScanPanel.tsx";

export function CheckPage() {
  const { id = "" } = useParams();
  const { t, pick } = useI18n();
  const i = t.inventory;
  const check = useQuery(() => inventoryApi.check(id), [id]);

  if (check.error && !check.data)
    return check.error.status === 404 ? (
      <Result status="404" title={i.notFound} extra={<Link to="/inventory">{t.common.back}</Link>} />
    ) : (
      <ErrorAlert error={check.error} />
    );
  const k = check.data;
  if (!k) return <FullPageSpin />;
  const running = k.status === "in_progress";

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/inventory">{i.title}</Link> },
          { title: `${k.vaultCode} ${formatDateTime(k.startedAt)}` },
        ]}
      />
      <PageHeader
        title={i.checkTitle(`${k.vaultCode} ${k.vaultName}`)}
        tags={
          <Space size={4}>
            {running ? <Tag color="blue">{i.inProgress}</Tag> : <Tag color="green">{i.completed}</Tag>}
            <Tag>{pick(METHOD[k.method])}</Tag>
          </Space>
        }
        subtitle={
          <Descriptions
            size="small"
            column={{ xs: 1, md: 4 }}
            items={[
              { key: "plan", label: i.planTitle, children: k.planTitle },
              { key: "scope", label: i.scope, children: k.clientName ?? i.scopeAll },
              {
                key: "staff",
                label: i.staffOf,
                children: k.staff.map((s) => s.displayName).join(t.common.listSeparator),
              },
              {
                key: "time",
                label: running ? i.startedAt : i.completedAt,
                children: formatDateTime(running ? k.startedAt : k.completedAt),
              },
            ]}
          />
        }
      />
      <ErrorAlert error={check.error} />
      {running ? (
        <ScanPanel check={k} onChanged={check.reload} />
      ) : (
        <ResultsPanel check={k} onChanged={check.reload} />
      )}
    </>
  );
}
