// Boxes visible to me. For a client this is where each of its boxes is now,
// in what condition and who last moved it; for an agency its projects'
// boxes; for a regulator its districts'. Search, filters, pagination, Excel.
import { Button, Card, Flex, Select, Table } from "antd";
import { useNavigate } from "react-router-dom";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { serverPagination } from "../../components/pagination.ts";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { type BoxStatus, boxesApi } from "../intake/api.ts";
import { BOX_KIND, BOX_STATUS } from "../intake/labels.ts";
import { ProjectFilter } from "../intake/ProjectFilter.tsx";
import { ScanInput } from "../intake/ScanInput.tsx";
import { useBoxColumns } from "./useBoxColumns.tsx";

const FILTERS = ["q", "status", "kind", "projectId", "batchId"] as const;

export function BoxListPage() {
  const { t, pick } = useI18n();
  const x = t.boxes;
  const me = useMe();
  const navigate = useNavigate();
  const f = useUrlFilters(FILTERS);
  const query = { ...f.values, page: f.page, pageSize: f.pageSize };
  const list = useQuery((signal) => boxesApi.list(query, signal), [JSON.stringify(query)]);
  const columns = useBoxColumns(me.org.kind);
  const filtered = FILTERS.some((k) => f.values[k]);

  const onScan = async (barcode: string) => {
    const hit = await boxesApi.list({ barcode });
    if (hit.items[0]) navigate(`/boxes/${hit.items[0].id}`);
    else f.set({ q: barcode });
  };

  return (
    <>
      <PageHeader
        title={me.org.kind === "client" ? x.titleClient : x.title}
        subtitle={me.org.kind === "client" ? x.subtitleClient : x.subtitle}
        extra={<ExportButton href={boxesApi.exportUrl(f.values)} />}
      />
      <Card>
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput value={f.values.q} onSearch={(q) => f.set({ q })} placeholder={x.searchPlaceholder} />
          <ProjectFilter value={f.values.projectId} onChange={(projectId) => f.set({ projectId })} />
          <Select
            allowClear
            placeholder={x.allStatuses}
            aria-label={x.allStatuses}
            style={{ width: 150 }}
            value={f.values.status}
            onChange={(status) => f.set({ status })}
            options={(Object.keys(BOX_STATUS) as BoxStatus[]).map((s) => ({
              value: s,
              label: pick(BOX_STATUS[s]),
            }))}
          />
          <Select
            allowClear
            placeholder={x.allKinds}
            aria-label={x.allKinds}
            style={{ width: 130 }}
            value={f.values.kind}
            onChange={(kind) => f.set({ kind })}
            options={(["transfer", "storage"] as const).map((k) => ({ value: k, label: pick(BOX_KIND[k]) }))}
          />
          <ScanInput onScan={(code) => void onScan(code)} autoFocus={false} />
          {filtered && <Button onClick={f.reset}>{t.common.reset}</Button>}
        </Flex>
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          size="middle"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1300 }}
          pagination={serverPagination(
            f.page,
            f.pageSize,
            list.data?.total,
            t.common.total,
            (page, pageSize) => f.set({ page, pageSize }),
          )}
          locale={{ emptyText: <EmptyState text={filtered ? t.common.emptyFiltered : x.empty} /> }}
        />
      </Card>
    </>
  );
}
