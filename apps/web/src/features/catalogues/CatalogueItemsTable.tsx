// The catalogue's entries: search by title or reference code, filters and
// pages in the URL, Excel export of what is shown.
import { Button, Card, Flex, Select, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { Bilingual } from "../../api/types.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { serverPagination } from "../../components/pagination.ts";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type CatalogueDetail, type CatalogueItem, cataloguesApi } from "./api.ts";
import { CARRIER, CATEGORY, RETENTION } from "./labels.ts";

const FILTERS = ["q", "category", "retentionPeriod", "carrier", "year", "boxNo"] as const;

export function CatalogueItemsTable({ c }: { c: CatalogueDetail }) {
  const { t, pick } = useI18n();
  const m = t.catalogues;
  const f = useUrlFilters(FILTERS);
  const filters = f.values;
  const query = { ...filters, page: f.page, pageSize: f.pageSize };
  const list = useQuery((signal) => cataloguesApi.items(c.id, query, signal), [c.id, JSON.stringify(query)]);
  const label = (map: Record<string, Bilingual>, v: string | null) => (v ? (map[v] ? pick(map[v]) : v) : "—");
  const options = (map: Record<string, Bilingual>) =>
    Object.entries(map).map(([value, l]) => ({ value, label: pick(l) }));
  const filtered = FILTERS.some((k) => filters[k]);

  const columns: ColumnsType<CatalogueItem> = [
    { title: m.rowNo, dataIndex: "rowNo", width: 70, align: "right" },
    {
      title: m.referenceCode,
      dataIndex: "referenceCode",
      width: 210,
      render: (v: string | null) => <span className="mono">{v ?? "—"}</span>,
    },
    { title: m.itemTitle, dataIndex: "title", render: (v: string | null) => v ?? "—" },
    { title: m.boxNo, dataIndex: "boxNo", width: 90, render: (v: string | null) => v ?? "—" },
    {
      title: m.quantity,
      dataIndex: "quantity",
      width: 70,
      align: "right",
      render: (v: number | null) => v ?? "—",
    },
    { title: m.pages, dataIndex: "pages", width: 70, align: "right", render: (v: number | null) => v ?? "—" },
    { title: m.year, dataIndex: "year", width: 70, render: (v: number | null) => v ?? "—" },
    {
      title: m.retention,
      dataIndex: "retentionPeriod",
      width: 90,
      render: (v: string | null) => label(RETENTION, v),
    },
    { title: m.category, dataIndex: "category", width: 80, render: (v: string | null) => label(CATEGORY, v) },
    { title: m.carrier, dataIndex: "carrier", width: 80, render: (v: string) => label(CARRIER, v) },
    {
      title: m.classification,
      dataIndex: "classification",
      width: 80,
      render: (v: string | null) => v ?? "—",
    },
  ];

  return (
    <Card
      title={m.items}
      extra={
        <Flex gap={16} align="center">
          <Typography.Text type="secondary">
            {m.totals(c.rowCount, c.quantityTotal, c.pagesTotal)}
          </Typography.Text>
          <ExportButton href={cataloguesApi.exportUrl(c.id, filters)} />
        </Flex>
      }
      data-testid="catalogue-items"
    >
      <Flex gap={12} wrap className="table-toolbar">
        <SearchInput
          value={filters.q}
          onSearch={(q) => f.set({ q })}
          placeholder={m.searchPlaceholder}
          width={260}
        />
        <Select
          allowClear
          placeholder={m.allCategories}
          aria-label={m.allCategories}
          style={{ width: 130 }}
          value={filters.category}
          onChange={(category) => f.set({ category })}
          options={options(CATEGORY)}
        />
        <Select
          allowClear
          placeholder={m.allRetention}
          aria-label={m.allRetention}
          style={{ width: 130 }}
          value={filters.retentionPeriod}
          onChange={(retentionPeriod) => f.set({ retentionPeriod })}
          options={options(RETENTION)}
        />
        <Select
          allowClear
          placeholder={m.allCarriers}
          aria-label={m.allCarriers}
          style={{ width: 120 }}
          value={filters.carrier}
          onChange={(carrier) => f.set({ carrier })}
          options={options(CARRIER)}
        />
        <SearchInput
          value={filters.year}
          onSearch={(year) => f.set({ year: /^\d{4}$/.test(year) ? year : undefined })}
          placeholder={m.year}
          width={110}
        />
        <SearchInput
          value={filters.boxNo}
          onSearch={(boxNo) => f.set({ boxNo })}
          placeholder={m.boxNo}
          width={120}
        />
        {filtered && <Button onClick={f.reset}>{t.common.reset}</Button>}
      </Flex>
      <ErrorAlert error={list.error} />
      <Table
        rowKey="rowNo"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1200 }}
        pagination={serverPagination(f.page, f.pageSize, list.data?.total, t.common.total, (page, pageSize) =>
          f.set({ page, pageSize }),
        )}
        locale={{ emptyText: <EmptyState text={filtered ? t.common.emptyFiltered : m.empty} /> }}
      />
    </Card>
  );
}
