// A vault's locations (D-9.1): filters, occupancy, Excel export, printable
// labels, and bulk generation for the manager or the vault's keeper.
import { PlusOutlined, PrinterOutlined } from "@ant-design/icons";
import { Button, Flex, Select, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { serverPagination } from "../../components/pagination.ts";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { facilitiesApi, type Location, type VaultDetail, type Zone } from "./api.ts";
import { GenerateLocationsModal } from "./GenerateLocationsModal.tsx";
import { optionsOf, ZONE } from "./labels.ts";

const FILTERS = ["q", "zone", "occupancy", "row"] as const;

export function occupancyTag(occupied: number, capacity: number) {
  const color = occupied === 0 ? "default" : occupied >= capacity ? "error" : "processing";
  return <Tag color={color}>{`${occupied} / ${capacity}`}</Tag>;
}

export function LocationsTab({ vault, onChanged }: { vault: VaultDetail; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const f = t.facilities;
  const u = useUrlFilters(FILTERS, 50);
  const filter = { q: u.values.q, zone: u.values.zone, occupancy: u.values.occupancy, row: u.values.row };
  const query = { ...filter, page: u.page, pageSize: u.pageSize };
  const list = useQuery(
    (signal) => facilitiesApi.locations(vault.id, query, signal),
    [vault.id, JSON.stringify(query)],
  );
  const [generating, setGenerating] = useState(false);

  const columns: ColumnsType<Location> = [
    {
      title: f.code,
      dataIndex: "code",
      width: 160,
      render: (c: string) => <span className="mono">{c}</span>,
    },
    { title: f.rows, dataIndex: "rowNo", width: 70 },
    { title: f.columns, dataIndex: "columnNo", width: 70 },
    { title: f.sections, dataIndex: "sectionNo", width: 70 },
    { title: f.shelves, dataIndex: "shelfNo", width: 70 },
    {
      title: f.zone,
      dataIndex: "zone",
      render: (z: Zone) => (
        <Tag color={ZONE[z].color} style={{ color: "#333" }}>
          {pick(ZONE[z])}
        </Tag>
      ),
    },
    { title: f.occupancy, width: 120, render: (_: unknown, l) => occupancyTag(l.occupied, l.capacity) },
  ];

  return (
    <div data-testid="locations">
      <Flex gap={12} wrap className="table-toolbar">
        <SearchInput
          value={u.values.q}
          onSearch={(q) => u.set({ q })}
          placeholder={f.searchLocations}
          width={220}
        />
        <Select
          allowClear
          placeholder={f.allZones}
          aria-label={f.allZones}
          style={{ width: 160 }}
          value={u.values.zone}
          onChange={(zone) => u.set({ zone })}
          options={optionsOf(ZONE, pick)}
        />
        <Select
          allowClear
          placeholder={f.occupancy}
          aria-label={f.occupancy}
          style={{ width: 130 }}
          value={u.values.occupancy}
          onChange={(occupancy) => u.set({ occupancy })}
          options={[
            { value: "empty", label: f.empty },
            { value: "partial", label: f.partial },
            { value: "full", label: f.full },
          ]}
        />
        <ExportButton href={facilitiesApi.locationsExportUrl(vault.id, filter)} />
        <Button
          icon={<PrinterOutlined />}
          href={facilitiesApi.labelsUrl(vault.id, { q: filter.q, zone: filter.zone, row: filter.row })}
          target="_blank"
          data-testid="print-labels"
        >
          {f.printLabels}
        </Button>
        {vault.permissions.maintain && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setGenerating(true)}>
            {f.generate}
          </Button>
        )}
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<Location>
        rowKey="id"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={serverPagination(u.page, u.pageSize, list.data?.total, t.common.total, (page, pageSize) =>
          u.set({ page, pageSize }),
        )}
        locale={{ emptyText: <EmptyState text={f.noLocations} /> }}
      />
      <GenerateLocationsModal
        open={generating}
        vault={vault}
        onClose={() => setGenerating(false)}
        onDone={() => {
          list.reload();
          onChanged();
        }}
      />
    </div>
  );
}
