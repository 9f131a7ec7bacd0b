// Rectification orders addressed to me, or issued by me; overdue ones first in red.
import { Space, Tag } from "antd";
import { Link } from "react-router-dom";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { FilterSelect } from "../../components/FilterSelect.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type OrderRow, oversightApi } from "./api.ts";
import { ORDER_STATUS, SEVERITY } from "./labels.ts";
import { exportUrl, useList } from "./useList.ts";

export function OrderStatusTag({ o }: { o: Pick<OrderRow, "status" | "overdue"> }) {
  const { t, pick } = useI18n();
  return (
    <Space size={4}>
      <Tag color={ORDER_STATUS[o.status].color}>{pick(ORDER_STATUS[o.status])}</Tag>
      {o.overdue && <Tag color="red">{t.oversight.overdue}</Tag>}
    </Space>
  );
}

export function OrdersTab() {
  const { t, pick } = useI18n();
  const o = t.oversight;
  const { list, filters, filtered, set, paging } = useList(oversightApi.orders);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <SearchInput
          value={filters.q as string | undefined}
          onSearch={(q) => set({ q })}
          placeholder={t.common.search}
        />
        <FilterSelect
          placeholder={o.status}
          value={filters.status as string | undefined}
          onChange={(status) => set({ status })}
          options={Object.entries(ORDER_STATUS).map(([value, l]) => ({ value, label: pick(l) }))}
        />
        <FilterSelect
          placeholder={o.overdue}
          value={filters.overdue as string | undefined}
          onChange={(overdue) => set({ overdue })}
          options={[{ value: "true", label: o.overdue }]}
        />
        <ExportButton href={exportUrl("/api/oversight/rectifications/export.xlsx", filters)} />
      </Space>
      <PagedTable<OrderRow>
        list={list}
        paging={paging}
        filtered={filtered}
        empty={o.noOrders}
        columns={[
          {
            title: o.requirement,
            render: (_, r) => <Link to={`/oversight/rectifications/${r.id}`}>{r.requirement}</Link>,
          },
          { title: o.clause, width: 90, render: (_, r) => <ClauseTag id={r.clauseId} /> },
          {
            title: o.severity,
            width: 80,
            render: (_, r) => <Tag color={SEVERITY[r.severity].color}>{pick(SEVERITY[r.severity])}</Tag>,
          },
          { title: o.project, render: (_, r) => `${r.projectCode} ${r.projectName}` },
          { title: o.addresseeAgency, dataIndex: "agencyName" },
          { title: o.deadline, dataIndex: "deadline", width: 110 },
          { title: o.status, width: 160, render: (_, r) => <OrderStatusTag o={r} /> },
        ]}
      />
    </>
  );
}
