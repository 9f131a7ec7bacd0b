// The use register and the agency's queue (D-10.4): search, filters in the URL,
// server pagination, Excel export of the filtered register.
import { Button, Card, Flex, Select, Tag } from "antd";
import { Link } from "react-router-dom";
import { ExportButton } from "../../components/ExportButton.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { MODE, type RequestStatus, retrievalApi, STATUS, type UseMode, type UseRequest } from "./api.ts";

const FILTERS = ["q", "status", "mode"] as const;
const when = (d: string | null) => (d ? formatDateTime(d) : "—");

export function UseRequestsPage() {
  const { t, pick } = useI18n();
  const m = t.retrieval;
  const f = useUrlFilters(FILTERS);
  const v = f.values;
  const query = { ...v, page: f.page, pageSize: f.pageSize };
  const list = useQuery((s) => retrievalApi.requests(query, s), [JSON.stringify(query)]);
  const filtered = FILTERS.some((k) => v[k]);
  return (
    <>
      <PageHeader
        title={m.requestsTitle}
        subtitle={m.requestsSubtitle}
        extra={
          <Flex gap={8}>
            <ExportButton href={retrievalApi.registerUrl(v)} />
            <Link to="/use-requests/new">
              <Button type="primary">{m.newRequest}</Button>
            </Link>
          </Flex>
        }
      />
      <Card>
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput value={v.q} onSearch={(q) => f.set({ q })} placeholder={m.searchPlaceholder} />
          <Select
            allowClear
            aria-label={m.allStatuses}
            placeholder={m.allStatuses}
            style={{ width: 150 }}
            value={v.status}
            onChange={(status) => f.set({ status })}
            options={(Object.keys(STATUS) as RequestStatus[]).map((k) => ({
              value: k,
              label: pick(STATUS[k]),
            }))}
          />
          <Select
            allowClear
            aria-label={m.allModes}
            placeholder={m.allModes}
            style={{ width: 150 }}
            value={v.mode}
            onChange={(mode) => f.set({ mode })}
            options={(Object.keys(MODE) as UseMode[]).map((k) => ({ value: k, label: pick(MODE[k]) }))}
          />
          {filtered && <Button onClick={f.reset}>{t.common.reset}</Button>}
        </Flex>
        <PagedTable<UseRequest>
          list={list}
          paging={{ page: f.page, pageSize: f.pageSize, set: f.set }}
          filtered={filtered}
          empty={m.empty}
          scroll={{ x: 1400 }}
          columns={[
            {
              title: m.requestNo,
              width: 120,
              render: (_, r) => <Link to={`/use-requests/${r.id}`}>{r.requestNo}</Link>,
            },
            {
              title: m.status,
              width: 110,
              render: (_, r) => <Tag color={STATUS[r.status].color}>{pick(STATUS[r.status])}</Tag>,
            },
            {
              title: m.user,
              width: 160,
              render: (_, r) => `${r.userName}${r.userOrgName ? `（${r.userOrgName}）` : ""}`,
            },
            { title: m.mode, width: 100, render: (_, r) => pick(MODE[r.mode]) },
            {
              title: m.project,
              width: 200,
              ellipsis: true,
              render: (_, r) => `${r.projectCode} ${r.clientName}`,
            },
            { title: m.content, ellipsis: true, render: (_, r) => `${r.itemCount}：${r.content ?? ""}` },
            {
              title: m.due,
              width: 150,
              render: (_, r) => (
                <span style={{ color: r.overdue ? "#cf1322" : undefined }}>
                  {when(r.dueAt)}
                  {r.overdue ? ` ${m.overdue}` : ""}
                </span>
              ),
            },
            { title: m.accepted, width: 150, render: (_, r) => when(r.acceptedAt) },
            { title: m.retrieved, width: 150, render: (_, r) => when(r.retrievedAt) },
            { title: m.returned, width: 150, render: (_, r) => when(r.returnedAt) },
          ]}
        />
      </Card>
    </>
  );
}
