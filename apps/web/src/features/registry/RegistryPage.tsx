// The regulator's register of agencies (G-12, G-14, D-4.2): search, filters,
// pages and Excel; each row links to the agency's entry.
import { Button, Card, Flex, Space, Typography } from "antd";
import { Link } from "react-router-dom";
import { ExportButton } from "../../components/ExportButton.tsx";
import { FilterSelect } from "../../components/FilterSelect.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { ForeignBackedTag, RegistrationTag, ServiceTypeTag } from "../../components/Tags.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMeta } from "../../session/MetaContext.tsx";
import { type AgencyRow, registryApi } from "./api.ts";

const FILTERS = ["q", "district", "serviceType", "status", "foreignBacked"] as const;
const num = (n: number, danger = false) => (
  <Typography.Text type={danger && n > 0 ? "danger" : undefined} strong={danger && n > 0}>
    {n}
  </Typography.Text>
);

export function RegistryPage() {
  const { t } = useI18n();
  const r = t.registry;
  const { labels, options } = useMeta();
  const f = useUrlFilters(FILTERS);
  const query = { ...f.values, page: f.page, pageSize: f.pageSize };
  const list = useQuery((signal) => registryApi.list(query, signal), [JSON.stringify(query)]);
  const filtered = FILTERS.some((k) => f.values[k]);

  return (
    <>
      <PageHeader
        title={r.title}
        subtitle={r.subtitle}
        extra={<ExportButton href={registryApi.exportUrl(f.values)} />}
      />
      <Card>
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput value={f.values.q} onSearch={(q) => f.set({ q })} placeholder={r.search} />
          <FilterSelect
            value={f.values.district}
            onChange={(district) => f.set({ district })}
            placeholder={r.allDistricts}
            options={options.districts}
            searchable
          />
          <FilterSelect
            value={f.values.serviceType}
            onChange={(serviceType) => f.set({ serviceType })}
            placeholder={r.allServices}
            options={options.serviceTypes}
          />
          <FilterSelect
            value={f.values.status}
            onChange={(status) => f.set({ status })}
            placeholder={r.allStatuses}
            options={options.registrationStatuses}
            width={130}
          />
          <FilterSelect
            value={f.values.foreignBacked}
            onChange={(foreignBacked) => f.set({ foreignBacked })}
            placeholder={r.foreign}
            options={[
              { value: "true", label: r.foreignYes },
              { value: "false", label: r.foreignNo },
            ]}
            width={140}
          />
          {filtered && <Button onClick={f.reset}>{t.common.reset}</Button>}
        </Flex>
        <PagedTable<AgencyRow>
          list={list}
          paging={{ page: f.page, pageSize: f.pageSize, set: f.set }}
          filtered={filtered}
          empty={r.empty}
          scroll={{ x: 1200 }}
          columns={[
            {
              title: r.name,
              dataIndex: "name",
              render: (name: string, a) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/registry/${a.id}`} style={{ fontWeight: 500 }}>
                    {name}
                  </Link>
                  <Typography.Text type="secondary" className="mono">
                    {a.licenceNumber ?? "—"}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: r.district,
              dataIndex: "district",
              width: 90,
              render: (d: string) => labels.district(d),
            },
            {
              title: r.services,
              dataIndex: "serviceTypes",
              render: (s: AgencyRow["serviceTypes"]) => (
                <Space size={[4, 4]} wrap>
                  {s.map((x) => (
                    <ServiceTypeTag key={x} type={x} />
                  ))}
                </Space>
              ),
            },
            {
              title: r.status,
              key: "status",
              width: 170,
              render: (_, a) => (
                <Space size={4} wrap>
                  <RegistrationTag status={a.registrationStatus} />
                  {a.foreignBacked && <ForeignBackedTag />}
                </Space>
              ),
            },
            {
              title: r.staff,
              dataIndex: "staffCount",
              width: 90,
              align: "right",
              render: (n: number) => num(n),
            },
            {
              title: r.titled,
              dataIndex: "titledStaffCount",
              width: 110,
              align: "right",
              render: (n: number) => num(n),
            },
            {
              title: r.vaults,
              dataIndex: "vaultCount",
              width: 80,
              align: "right",
              render: (n: number) => num(n),
            },
            {
              title: r.activeProjects,
              dataIndex: "activeProjectCount",
              width: 100,
              align: "right",
              render: (n: number) => num(n),
            },
            {
              title: r.openIncidents,
              dataIndex: "openIncidentCount",
              width: 100,
              align: "right",
              render: (n: number) => num(n, true),
            },
          ]}
        />
      </Card>
    </>
  );
}
