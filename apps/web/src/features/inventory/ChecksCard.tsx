// Checks of the vaults visible to me, newest first; each opens its scanning or results page.
import { Card, Table, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { serverPagination } from "../../components/pagination.ts";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type InventoryCheckRow, inventoryApi } from "./api.ts";
import { METHOD } from "./labels.ts";
import { SummaryTags } from "./SummaryTags.tsx";

export function ChecksCard({ showAgency }: { showAgency: boolean }) {
  const { t, pick } = useI18n();
  const i = t.inventory;
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const checks = useQuery((signal) => inventoryApi.checks(page, signal), [page.page, page.pageSize]);

  return (
    <Card title={i.checks}>
      <ErrorAlert error={checks.error} />
      <Table<InventoryCheckRow>
        rowKey="id"
        size="middle"
        loading={checks.loading}
        dataSource={checks.data?.items ?? []}
        locale={{ emptyText: i.noChecks }}
        pagination={serverPagination(page.page, page.pageSize, checks.data?.total, t.common.total, (p, s) =>
          setPage({ page: p, pageSize: s }),
        )}
        columns={[
          { title: i.startedAt, width: 150, render: (_, c) => formatDateTime(c.startedAt) },
          {
            title: i.vault,
            width: 170,
            render: (_, c) => (
              <>
                <span className="mono">{c.vaultCode}</span> {c.vaultName}
              </>
            ),
          },
          ...(showAgency ? [{ title: i.agency, dataIndex: "agencyName" }] : []),
          { title: i.planTitle, dataIndex: "planTitle" },
          { title: i.method, width: 110, render: (_, c) => pick(METHOD[c.method]) },
          {
            title: t.common.status,
            width: 90,
            render: (_, c) =>
              c.status === "completed" ? (
                <Tag color="green">{i.completed}</Tag>
              ) : (
                <Tag color="blue">{i.inProgress}</Tag>
              ),
          },
          { title: i.results, render: (_, c) => <SummaryTags summary={c.summary} /> },
          {
            title: t.common.actions,
            width: 110,
            render: (_, c) => (
              <Link to={`/inventory/checks/${c.id}`}>
                {c.status === "completed" ? i.viewResults : i.continueScan}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}
