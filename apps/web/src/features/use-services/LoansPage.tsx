// The loans register (D-10.6): agencies see the loans they made, clients their
// own; overdue loans are filtered and flagged; export to Excel.
import { Card, Flex } from "antd";
import { Link } from "react-router-dom";
import { ExportButton } from "../../components/ExportButton.tsx";
import { FilterSelect } from "../../components/FilterSelect.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { type LoanRow, useServicesApi } from "./api.ts";
import { LoanStatusTag } from "./LoanStatusTag.tsx";

const FILTERS = ["q", "status"] as const;

export function LoansPage() {
  const { t } = useI18n();
  const m = t.useServices;
  const me = useMe();
  const f = useUrlFilters(FILTERS);
  const v = f.values;
  const query = { ...v, page: f.page, pageSize: f.pageSize };
  const list = useQuery((s) => useServicesApi.loans(query, s), [JSON.stringify(query)]);
  return (
    <>
      <PageHeader
        title={me.org.kind === "client" ? m.myLoansMenu : m.loansTitle}
        subtitle={m.loansSubtitle}
        extra={<ExportButton href={useServicesApi.loansExportUrl(v)} />}
      />
      <Card>
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput value={v.q} onSearch={(q) => f.set({ q })} placeholder={m.searchPlaceholder} />
          <FilterSelect
            placeholder={m.allStatuses}
            value={v.status}
            onChange={(status) => f.set({ status })}
            options={[
              { value: "open", label: m.loanOpen },
              { value: "overdue", label: m.loanOverdue },
              { value: "returned", label: m.loanReturned },
            ]}
          />
        </Flex>
        <PagedTable<LoanRow>
          list={list}
          paging={{ page: f.page, pageSize: f.pageSize, set: f.set }}
          filtered={FILTERS.some((k) => v[k])}
          empty={m.empty}
          scroll={{ x: 1300 }}
          columns={[
            {
              title: m.request,
              width: 130,
              render: (_, l) => <Link to={`/use-requests/${l.requestId}`}>{l.requestNo}</Link>,
            },
            { title: m.status, width: 120, render: (_, l) => <LoanStatusTag loan={l} /> },
            { title: m.client, width: 200, ellipsis: true, dataIndex: "clientName" },
            { title: m.user, width: 100, dataIndex: "userName" },
            { title: m.dueOn, width: 110, dataIndex: "dueOn" },
            { title: m.deliveryPlace, ellipsis: true, dataIndex: "deliveryPlace" },
            { title: m.deliveryAt, width: 150, render: (_, l) => formatDateTime(l.deliveryAt) },
            {
              title: m.receiver,
              width: 200,
              render: (_, l) => (l.receiverName ? `${l.receiverName} ${l.receiverIdNumber ?? ""}` : "—"),
            },
            { title: m.returnedAt, width: 150, render: (_, l) => formatDateTime(l.returnedAt) },
          ]}
        />
      </Card>
    </>
  );
}
