// Inspections of projects visible to me, with filters and an Excel export.
import { Button, Space, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ExportButton } from "../../components/ExportButton.tsx";
import { FilterSelect } from "../../components/FilterSelect.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type InspectionRow, oversightApi } from "./api.ts";
import { KIND } from "./labels.ts";
import { NewInspectionModal } from "./NewInspectionModal.tsx";
import { exportUrl, useList } from "./useList.ts";

export function InspectionsTab() {
  const { t, pick } = useI18n();
  const o = t.oversight;
  const { list, filters, filtered, set, paging } = useList(oversightApi.inspections);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <SearchInput
          value={filters.q as string | undefined}
          onSearch={(q) => set({ q })}
          placeholder={t.common.search}
        />
        <FilterSelect
          placeholder={o.kind}
          value={filters.kind as string | undefined}
          onChange={(kind) => set({ kind })}
          options={Object.entries(KIND).map(([value, l]) => ({ value, label: pick(l) }))}
        />
        <FilterSelect
          placeholder={o.status}
          value={filters.status as string | undefined}
          onChange={(status) => set({ status })}
          options={[
            { value: "in_progress", label: o.inProgress },
            { value: "completed", label: o.completed },
          ]}
        />
        <ExportButton href={exportUrl("/api/oversight/inspections/export.xlsx", filters)} />
        <Button type="primary" onClick={() => setCreating(true)} data-testid="new-inspection">
          {o.newInspection}
        </Button>
      </Space>
      <PagedTable<InspectionRow>
        list={list}
        paging={paging}
        filtered={filtered}
        empty={o.noInspections}
        columns={[
          { title: o.item, render: (_, r) => <Link to={`/oversight/inspections/${r.id}`}>{r.title}</Link> },
          { title: o.kind, width: 110, render: (_, r) => <Tag>{pick(KIND[r.kind])}</Tag> },
          { title: o.project, render: (_, r) => `${r.projectCode} ${r.projectName}` },
          { title: o.inspector, dataIndex: "inspectorName" },
          { title: t.oversight.addresseeAgency, dataIndex: "agencyName" },
          {
            title: o.status,
            width: 90,
            render: (_, r) =>
              r.status === "completed" ? (
                <Tag color="green">{o.completed}</Tag>
              ) : (
                <Tag color="blue">{o.inProgress}</Tag>
              ),
          },
          { title: o.findings, dataIndex: "findings", width: 80 },
          { title: t.common.createdAt ?? "", width: 150, render: (_, r) => formatDateTime(r.createdAt) },
        ]}
      />
      {creating && <NewInspectionModal onClose={() => setCreating(false)} />}
    </>
  );
}
