// Filings of national-scope deposits (G-7): deposits not yet filed, then every
// filing in my scope with its state; search, filters, pages and Excel.
import { Alert, Button, Card, Flex, List, Tag } from "antd";
import { Link, useNavigate } from "react-router-dom";
import { ExportButton } from "../../components/ExportButton.tsx";
import { FilterSelect } from "../../components/FilterSelect.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { FILING_COLOR, type FilingRow, type FilingStatus, filingsApi } from "./api.ts";

const FILTERS = ["q", "status"] as const;

export function FilingsPage() {
  const { t } = useI18n();
  const r = t.registry;
  const me = useMe();
  const navigate = useNavigate();
  const notify = useNotify();
  const f = useUrlFilters(FILTERS);
  const query = { ...f.values, page: f.page, pageSize: f.pageSize };
  const list = useQuery((signal) => filingsApi.list(query, signal), [JSON.stringify(query)]);
  const unfiled = useQuery(() => filingsApi.unfiled(), []);
  const filtered = FILTERS.some((k) => f.values[k]);

  const fileNow = async (projectId: string) => {
    try {
      const { id } = await filingsApi.file(projectId);
      notify.success(r.filed);
      navigate(`/filings/${id}`);
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <>
      <PageHeader
        title={r.filingsTitle}
        subtitle={r.filingsSubtitle}
        extra={<ExportButton href={filingsApi.exportUrl(f.values)} />}
      />
      {!!unfiled.data?.items.length && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${r.unfiled}（${unfiled.data.items.length}）`}
          description={
            <>
              <div>{r.unfiledHint}</div>
              <List
                size="small"
                dataSource={unfiled.data.items}
                renderItem={(u) => (
                  <List.Item
                    extra={
                      me.org.kind === "client" && (
                        <Button size="small" type="primary" onClick={() => void fileNow(u.projectId)}>
                          {r.fileNow}
                        </Button>
                      )
                    }
                  >
                    <Link to={`/projects/${u.projectId}`}>
                      {u.projectCode} {u.projectName}
                    </Link>
                    　{u.clientName} → {u.agencyName}
                  </List.Item>
                )}
              />
            </>
          }
        />
      )}
      <Card>
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput value={f.values.q} onSearch={(q) => f.set({ q })} placeholder={r.filingSearch} />
          <FilterSelect
            value={f.values.status}
            onChange={(status) => f.set({ status })}
            placeholder={r.allStatuses}
            options={(["submitted", "returned", "verified"] as const).map((s) => ({
              value: s,
              label: r.filingStatus(s),
            }))}
          />
          {filtered && <Button onClick={f.reset}>{t.common.reset}</Button>}
        </Flex>
        <PagedTable<FilingRow>
          list={list}
          paging={{ page: f.page, pageSize: f.pageSize, set: f.set }}
          filtered={filtered}
          empty={r.filingsEmpty}
          scroll={{ x: 1100 }}
          columns={[
            {
              title: r.filingNo,
              dataIndex: "filingNo",
              width: 130,
              render: (x: string, row) => <Link to={`/filings/${row.id}`}>{x}</Link>,
            },
            {
              title: r.project,
              dataIndex: "projectName",
              render: (x: string, row) => `${row.projectCode} ${x}`,
            },
            { title: r.client, dataIndex: "clientName" },
            { title: r.agency, dataIndex: "agencyName" },
            { title: r.regulator, dataIndex: "regulatorName", width: 170 },
            {
              title: r.status,
              dataIndex: "status",
              width: 120,
              render: (s: FilingStatus) => <Tag color={FILING_COLOR[s]}>{r.filingStatus(s)}</Tag>,
            },
            { title: r.round, dataIndex: "round", width: 70, align: "right" },
            {
              title: r.submittedAt,
              dataIndex: "submittedAt",
              width: 160,
              render: (d: string) => formatDateTime(d),
            },
          ]}
        />
      </Card>
    </>
  );
}
