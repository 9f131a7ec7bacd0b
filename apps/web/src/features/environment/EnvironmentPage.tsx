// Vault environment overview (D-9.4, D-9.5): every vault I may see with its
// latest reading, its sensors and its open alerts; links to each vault's page.
import { AlertOutlined, SlidersOutlined } from "@ant-design/icons";
import { Card, Flex, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { Link } from "react-router-dom";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { LinkButton } from "../../components/LinkButton.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { serverPagination } from "../../components/pagination.ts";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { environmentApi, type VaultRow } from "./api.ts";

const FILTERS = ["q"] as const;

export function Reading({
  r,
}: {
  r: Pick<VaultRow, "latestAt" | "latestTemperatureC" | "latestHumidityPct" | "latestLux">;
}) {
  const { t } = useI18n();
  if (!r.latestAt) return <Typography.Text type="secondary">{t.environment.noReading}</Typography.Text>;
  const parts = [
    r.latestTemperatureC !== null ? `${r.latestTemperatureC}°C` : null,
    r.latestHumidityPct !== null ? `${r.latestHumidityPct}%RH` : null,
    r.latestLux !== null ? `${r.latestLux} lx` : null,
  ].filter(Boolean);
  return (
    <div>
      <Typography.Text strong>{parts.join(" · ")}</Typography.Text>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(r.latestAt)}
        </Typography.Text>
      </div>
    </div>
  );
}

export function EnvironmentPage() {
  const { t } = useI18n();
  const e = t.environment;
  const me = useMe();
  const f = useUrlFilters(FILTERS);
  const query = { q: f.values.q, page: f.page, pageSize: f.pageSize };
  const list = useQuery((signal) => environmentApi.vaults(query, signal), [JSON.stringify(query)]);

  const columns: ColumnsType<VaultRow> = [
    {
      title: e.vault,
      key: "vault",
      render: (_, v) => (
        <Link to={`/environment/vaults/${v.id}`}>
          <span className="mono">{v.code}</span> {v.name}
        </Link>
      ),
    },
    ...(me.org.kind === "agency" ? [] : [{ title: e.agency, dataIndex: "agencyName" }]),
    { title: e.site, dataIndex: "siteName" },
    { title: e.latest, key: "latest", render: (_, v) => <Reading r={v} /> },
    { title: e.sensors, dataIndex: "sensorCount", width: 90, align: "right" },
    {
      title: e.openAlerts,
      dataIndex: "openAlerts",
      width: 110,
      render: (n: number, v) =>
        n > 0 ? (
          <Link to={`/environment/alerts?vaultId=${v.id}&status=open`}>
            <Tag color="error" icon={<AlertOutlined />}>
              {n}
            </Tag>
          </Link>
        ) : (
          <Tag color="success">0</Tag>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={e.title}
        subtitle={e.subtitle}
        extra={
          <>
            <LinkButton to="/environment/alerts" icon={<AlertOutlined />}>
              {e.allAlerts}
            </LinkButton>
            {me.org.kind === "agency" && (
              <LinkButton to="/environment/limits" icon={<SlidersOutlined />}>
                {e.limits}
              </LinkButton>
            )}
          </>
        }
      />
      <Card>
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput value={f.values.q} onSearch={(q) => f.set({ q })} placeholder={e.searchVaults} />
        </Flex>
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          size="middle"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={serverPagination(
            f.page,
            f.pageSize,
            list.data?.total,
            t.common.total,
            (page, pageSize) => f.set({ page, pageSize }),
          )}
          locale={{ emptyText: <EmptyState text={e.noVaults} /> }}
        />
      </Card>
    </>
  );
}
