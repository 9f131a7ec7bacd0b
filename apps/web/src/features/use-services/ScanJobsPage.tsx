// The agency's scan jobs (D-10.8): operator and camera of each job, open or finished.
import { Card, Flex, Tag } from "antd";
import { Link } from "react-router-dom";
import { FilterSelect } from "../../components/FilterSelect.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { MODE } from "../use-requests/api.ts";
import { type ScanJobRow, useServicesApi } from "./api.ts";

const FILTERS = ["q", "status"] as const;

export function ScanJobsPage() {
  const { t, pick } = useI18n();
  const m = t.useServices;
  const f = useUrlFilters(FILTERS);
  const v = f.values;
  const query = { ...v, page: f.page, pageSize: f.pageSize };
  const list = useQuery((s) => useServicesApi.scanJobs(query, s), [JSON.stringify(query)]);
  return (
    <>
      <PageHeader title={m.scanJobsTitle} subtitle={m.scanJobsSubtitle} />
      <Card>
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput value={v.q} onSearch={(q) => f.set({ q })} placeholder={m.searchPlaceholder} />
          <FilterSelect
            placeholder={m.allStatuses}
            value={v.status}
            onChange={(status) => f.set({ status })}
            options={[
              { value: "open", label: m.scanOpen },
              { value: "finished", label: m.scanFinished },
            ]}
          />
        </Flex>
        <PagedTable<ScanJobRow>
          list={list}
          paging={{ page: f.page, pageSize: f.pageSize, set: f.set }}
          filtered={FILTERS.some((k) => v[k])}
          empty={m.noScanJobs}
          scroll={{ x: 1200 }}
          columns={[
            {
              title: m.request,
              width: 130,
              render: (_, j) => <Link to={`/use-requests/${j.requestId}`}>{j.requestNo}</Link>,
            },
            {
              title: m.status,
              width: 100,
              render: (_, j) =>
                j.finishedAt ? <Tag>{m.scanFinished}</Tag> : <Tag color="processing">{m.scanOpen}</Tag>,
            },
            { title: t.retrieval.mode, width: 100, render: (_, j) => pick(MODE[j.mode]) },
            { title: m.client, width: 200, ellipsis: true, dataIndex: "clientName" },
            { title: m.user, width: 100, dataIndex: "userName" },
            { title: m.operator, width: 100, dataIndex: "operatorName" },
            { title: m.camera, width: 100, render: (_, j) => <span className="mono">{j.cameraCode}</span> },
            { title: m.startedAt, width: 150, render: (_, j) => formatDateTime(j.startedAt) },
            { title: m.finishedAt, width: 150, render: (_, j) => formatDateTime(j.finishedAt) },
            { title: m.pages, width: 70, render: (_, j) => j.pages ?? "—" },
            { title: m.note, ellipsis: true, render: (_, j) => j.note ?? "" },
          ]}
        />
      </Card>
    </>
  );
}
