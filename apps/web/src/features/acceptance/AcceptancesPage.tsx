// Final acceptances across the projects I may read (G-11): what a regulator
// watches, with failed rounds and their rectification orders; search, filters,
// pages and Excel.
import { Button, Card, Flex, Tag } from "antd";
import { Link } from "react-router-dom";
import { ExportButton } from "../../components/ExportButton.tsx";
import { FilterSelect } from "../../components/FilterSelect.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { formatDate, formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMeta } from "../../session/MetaContext.tsx";
import type { OrderStatus } from "../oversight/api.ts";
import { ORDER_STATUS } from "../oversight/labels.ts";
import { type AcceptanceRow, acceptanceApi } from "./api.ts";

const FILTERS = ["q", "verdict", "serviceType"] as const;

export function AcceptancesPage() {
  const { t, pick } = useI18n();
  const a = t.acceptance;
  const { labels, options } = useMeta();
  const f = useUrlFilters(FILTERS);
  const query = { ...f.values, page: f.page, pageSize: f.pageSize };
  const list = useQuery((signal) => acceptanceApi.list(query, signal), [JSON.stringify(query)]);
  const filtered = FILTERS.some((k) => f.values[k]);

  return (
    <>
      <PageHeader
        title={a.title}
        subtitle={a.subtitle}
        extra={<ExportButton href={acceptanceApi.exportUrl(f.values)} />}
      />
      <Card>
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput value={f.values.q} onSearch={(q) => f.set({ q })} placeholder={a.search} />
          <FilterSelect
            value={f.values.verdict}
            onChange={(verdict) => f.set({ verdict })}
            placeholder={a.allVerdicts}
            options={[
              { value: "passed", label: a.passed },
              { value: "failed", label: a.failed },
            ]}
          />
          <FilterSelect
            value={f.values.serviceType}
            onChange={(serviceType) => f.set({ serviceType })}
            placeholder={t.projects.serviceType}
            options={options.serviceTypes}
          />
          {filtered && <Button onClick={f.reset}>{t.common.reset}</Button>}
        </Flex>
        <PagedTable<AcceptanceRow>
          list={list}
          paging={{ page: f.page, pageSize: f.pageSize, set: f.set }}
          filtered={filtered}
          empty={a.listEmpty}
          scroll={{ x: 1100 }}
          columns={[
            {
              title: a.project,
              dataIndex: "projectName",
              render: (x: string, r) => (
                <Link to={`/projects/${r.projectId}/acceptance`}>{`${r.projectCode} ${x}`}</Link>
              ),
            },
            {
              title: t.projects.serviceType,
              dataIndex: "serviceType",
              width: 110,
              render: labels.serviceType,
            },
            { title: a.client, dataIndex: "clientName" },
            { title: a.agency, dataIndex: "agencyName" },
            { title: a.round, dataIndex: "round", width: 70, align: "right" },
            {
              title: a.verdict,
              dataIndex: "verdict",
              width: 90,
              render: (v: string) =>
                v === "passed" ? <Tag color="green">{a.passed}</Tag> : <Tag color="red">{a.failed}</Tag>,
            },
            {
              title: a.decidedAt,
              dataIndex: "decidedAt",
              width: 160,
              render: (d: string) => formatDateTime(d),
            },
            {
              title: a.order,
              width: 200,
              render: (_, r) =>
                r.orderId ? (
                  <Link to={`/oversight/rectifications/${r.orderId}`}>
                    {ORDER_STATUS[r.orderStatus as OrderStatus]
                      ? pick(ORDER_STATUS[r.orderStatus as OrderStatus])
                      : r.orderStatus}{" "}
                    · {formatDate(r.orderDeadline ?? "")}
                  </Link>
                ) : (
                  "—"
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
