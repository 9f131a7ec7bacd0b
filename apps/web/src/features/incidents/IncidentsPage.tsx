// The incident register (G-7): reported and system-raised incidents with their
// source, severity and responsibility; search, filters, pages and Excel.
import { Button, Card, Flex, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { FilterSelect } from "../../components/FilterSelect.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { formatDate } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type IncidentRow, incidentsApi, SEVERITY_COLOR, STATUS_COLOR } from "./api.ts";

const FILTERS = ["q", "status", "severity", "source", "agencyOrgId"] as const;

export function IncidentsPage() {
  const { t } = useI18n();
  const r = t.registry;
  const f = useUrlFilters(FILTERS);
  const query = { ...f.values, page: f.page, pageSize: f.pageSize };
  const list = useQuery((signal) => incidentsApi.list(query, signal), [JSON.stringify(query)]);
  const filtered = FILTERS.some((k) => f.values[k]);
  const opts = (keys: string[], label: (k: string) => string) =>
    keys.map((k) => ({ value: k, label: label(k) }));

  return (
    <>
      <PageHeader
        title={r.incidentsTitle}
        subtitle={r.incidentsSubtitle}
        extra={<ExportButton href={incidentsApi.exportUrl(f.values)} />}
      />
      <Card>
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput value={f.values.q} onSearch={(q) => f.set({ q })} placeholder={r.incidentSearch} />
          <FilterSelect
            value={f.values.status}
            onChange={(status) => f.set({ status })}
            placeholder={r.allStatuses}
            options={opts(["open", "investigating", "closed"], r.incidentStatus)}
            width={130}
          />
          <FilterSelect
            value={f.values.severity}
            onChange={(severity) => f.set({ severity })}
            placeholder={r.severityCol}
            options={opts(["minor", "major", "critical"], r.severity)}
            width={120}
          />
          <FilterSelect
            value={f.values.source}
            onChange={(source) => f.set({ source })}
            placeholder={`${r.source("manual")}/${r.source("system")}`}
            options={opts(["manual", "system"], r.source)}
            width={150}
          />
          {filtered && <Button onClick={f.reset}>{t.common.reset}</Button>}
        </Flex>
        <PagedTable<IncidentRow>
          list={list}
          paging={{ page: f.page, pageSize: f.pageSize, set: f.set }}
          filtered={filtered}
          empty={r.incidentsEmpty}
          scroll={{ x: 1200 }}
          columns={[
            { title: r.openedAt, dataIndex: "openedAt", width: 110, render: (d: string) => formatDate(d) },
            {
              title: r.title_,
              dataIndex: "title",
              render: (x: string, i) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/incidents/${i.id}`}>{x}</Link>
                  <Typography.Text type="secondary">
                    {i.projectCode} {i.projectName}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: r.agency, dataIndex: "agencyName", width: 220 },
            {
              title: r.severityCol,
              dataIndex: "severity",
              width: 80,
              render: (s: IncidentRow["severity"]) => <Tag color={SEVERITY_COLOR[s]}>{r.severity(s)}</Tag>,
            },
            {
              title: `${r.source("manual")}/${r.source("system")}`,
              key: "source",
              width: 170,
              render: (_, i) => (
                <Space size={4}>
                  <Tag color={i.source === "system" ? "geekblue" : "default"}>{r.source(i.source)}</Tag>
                  {i.clauseId && <ClauseTag id={i.clauseId} />}
                </Space>
              ),
            },
            {
              title: r.responsibleParties,
              dataIndex: "responsibleParties",
              width: 130,
              render: (p: string[]) => (p.length ? p.map(r.parties).join("、") : "—"),
            },
            {
              title: r.stateCol,
              dataIndex: "status",
              width: 90,
              render: (s: IncidentRow["status"]) => <Tag color={STATUS_COLOR[s]}>{r.incidentStatus(s)}</Tag>,
            },
          ]}
        />
      </Card>
    </>
  );
}
