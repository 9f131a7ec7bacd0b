// D-9.11: the movement register — filters in the URL, server pagination and an
// Excel export of the filtered register. A client sees its own boxes only.
import { Button, Card, DatePicker, Flex, Select, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { serverPagination } from "../../components/pagination.ts";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { MOVEMENT_KIND, type Movement, type MovementKind, movementsApi } from "./api.ts";

const FILTERS = ["q", "vaultId", "clientOrgId", "projectId", "kind", "from", "to", "boxId"] as const;
const place = (vault: string | null, location: string | null) =>
  location ? (
    <span className="mono">
      {vault} {location}
    </span>
  ) : (
    "—"
  );

export function MovementRegisterPage() {
  const { t, pick } = useI18n();
  const m = t.movements;
  const f = useUrlFilters(FILTERS);
  const v = f.values;
  const query = { ...v, page: f.page, pageSize: f.pageSize };
  const list = useQuery((signal) => movementsApi.list(query, signal), [JSON.stringify(query)]);
  const facets = useQuery(() => movementsApi.facets(), []);
  const filtered = FILTERS.some((k) => v[k]);
  const select = (
    key: (typeof FILTERS)[number],
    placeholder: string,
    options: { value: string; label: string }[],
    width = 180,
  ) => (
    <Select
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      placeholder={placeholder}
      aria-label={placeholder}
      style={{ width }}
      value={v[key]}
      onChange={(value) => f.set({ [key]: value })}
      options={options}
    />
  );

  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={m.subtitle}
        extra={<ExportButton href={movementsApi.exportUrl(v)} />}
      />
      <Card>
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput value={v.q} onSearch={(q) => f.set({ q })} placeholder={m.searchPlaceholder} />
          {select(
            "vaultId",
            m.allVaults,
            (facets.data?.vaults ?? []).map((x) => ({ value: x.id, label: `${x.code} ${x.name}` })),
          )}
          {select(
            "clientOrgId",
            m.allClients,
            (facets.data?.clients ?? []).map((x) => ({ value: x.id, label: x.name })),
            220,
          )}
          {select(
            "projectId",
            m.allProjects,
            (facets.data?.projects ?? []).map((x) => ({ value: x.id, label: `${x.code} ${x.name}` })),
            220,
          )}
          {select(
            "kind",
            m.allKinds,
            (Object.keys(MOVEMENT_KIND) as MovementKind[]).map((k) => ({
              value: k,
              label: pick(MOVEMENT_KIND[k]),
            })),
            140,
          )}
          <DatePicker.RangePicker
            aria-label={t.common.dateRange}
            value={v.from && v.to ? [dayjs(v.from), dayjs(v.to)] : null}
            onChange={(r) => f.set({ from: r?.[0]?.format("YYYY-MM-DD"), to: r?.[1]?.format("YYYY-MM-DD") })}
          />
          {filtered && <Button onClick={f.reset}>{t.common.reset}</Button>}
        </Flex>
        <ErrorAlert error={list.error} />
        <Table<Movement>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1300 }}
          pagination={serverPagination(
            f.page,
            f.pageSize,
            list.data?.total,
            t.common.total,
            (page, pageSize) => f.set({ page, pageSize }),
          )}
          locale={{ emptyText: <EmptyState text={filtered ? t.common.emptyFiltered : m.empty} /> }}
          columns={[
            { title: m.time, width: 150, render: (_, r) => formatDateTime(r.at) },
            {
              title: m.kind,
              width: 110,
              render: (_, r) => <Tag color={MOVEMENT_KIND[r.kind].color}>{pick(MOVEMENT_KIND[r.kind])}</Tag>,
            },
            {
              title: m.box,
              width: 200,
              render: (_, r) => (
                <Typography.Link onClick={() => f.set({ boxId: r.boxId })} title={m.boxFilter}>
                  {r.boxNo} <span className="mono">{r.barcode}</span>
                </Typography.Link>
              ),
            },
            { title: m.project, width: 120, render: (_, r) => <span className="mono">{r.projectCode}</span> },
            { title: m.client, width: 220, dataIndex: "clientName", ellipsis: true },
            { title: m.from, width: 150, render: (_, r) => place(r.fromVault, r.fromLocation) },
            { title: m.to, width: 150, render: (_, r) => place(r.toVault, r.toLocation) },
            { title: m.by, width: 100, render: (_, r) => r.byName ?? "—" },
            { title: m.note, dataIndex: "note", ellipsis: true },
          ]}
        />
      </Card>
    </>
  );
}
