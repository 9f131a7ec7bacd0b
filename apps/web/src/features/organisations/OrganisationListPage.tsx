// The organisation registry: search, filters (kind, district, service type),
// server pagination and Excel export; regulator admins register organisations.

import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { Link, useNavigate } from "react-router-dom";
import { organisationsApi } from "../../api/endpoints.ts";
import type { Organisation, ServiceType } from "../../api/types.ts";
import { ExportButton } from "../../components/ExportButton.tsx";
import { FilterSelect } from "../../components/FilterSelect.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { ForeignBackedTag, RegistrationTag, ServiceTypeTag } from "../../components/Tags.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { ORG_KIND_COLOR } from "../../i18n/labels.ts";
import { useMeta } from "../../session/MetaContext.tsx";
import { isRegulatorAdmin } from "../../session/roles.ts";
import { useMe } from "../../session/SessionContext.tsx";

const FILTERS = ["q", "kind", "district", "serviceType"] as const;

export function OrganisationListPage() {
  const { t } = useI18n();
  const { labels, options } = useMeta();
  const me = useMe();
  const navigate = useNavigate();
  const o = t.orgs;
  const f = useUrlFilters(FILTERS);
  const filters = f.values;
  const query = { ...filters, page: f.page, pageSize: f.pageSize };
  const list = useQuery((signal) => organisationsApi.list(query, signal), [JSON.stringify(query)]);
  const filtered = FILTERS.some((k) => filters[k]);

  const columns: ColumnsType<Organisation> = [
    {
      title: o.name,
      dataIndex: "name",
      render: (name: string, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/organisations/${r.id}`} style={{ fontWeight: 500 }}>
            {name}
          </Link>
          {r.creditCode && (
            <Typography.Text type="secondary" className="mono">
              {r.creditCode}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: o.kind,
      dataIndex: "kind",
      width: 150,
      render: (k: Organisation["kind"]) => <Tag color={ORG_KIND_COLOR[k]}>{labels.orgKind(k)}</Tag>,
    },
    { title: o.district, dataIndex: "district", width: 110, render: (d: string) => labels.district(d) },
    {
      title: o.serviceTypes,
      dataIndex: "serviceTypes",
      render: (s: ServiceType[]) =>
        s.length ? (
          <Space size={[4, 4]} wrap>
            {s.map((x) => (
              <ServiceTypeTag key={x} type={x} />
            ))}
          </Space>
        ) : (
          "—"
        ),
    },
    {
      title: o.registrationStatus,
      key: "standing",
      width: 190,
      render: (_, r) =>
        r.kind === "agency" ? (
          <Space size={4} wrap>
            <RegistrationTag status={r.registrationStatus} />
            {r.foreignBacked && <ForeignBackedTag />}
          </Space>
        ) : (
          "—"
        ),
    },
    { title: o.contactName, dataIndex: "contactName", width: 100, render: (c: string | null) => c ?? "—" },
  ];

  return (
    <>
      <PageHeader
        title={o.title}
        subtitle={o.subtitle}
        extra={
          <>
            <ExportButton href={organisationsApi.exportUrl(filters)} />
            {isRegulatorAdmin(me) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate("/organisations/new")}>
                {o.create}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput value={filters.q} onSearch={(q) => f.set({ q })} placeholder={o.searchPlaceholder} />
          <FilterSelect
            placeholder={o.allKinds}
            width={170}
            value={filters.kind}
            onChange={(kind) => f.set({ kind })}
            options={options.orgKinds}
          />
          <FilterSelect
            placeholder={o.allDistricts}
            width={140}
            value={filters.district}
            onChange={(district) => f.set({ district })}
            options={options.districts}
            searchable
          />
          <FilterSelect
            placeholder={o.allServiceTypes}
            width={170}
            value={filters.serviceType}
            onChange={(serviceType) => f.set({ serviceType })}
            options={options.serviceTypes}
          />
          {filtered && <Button onClick={f.reset}>{t.common.reset}</Button>}
        </Flex>
        <PagedTable
          list={list}
          paging={f}
          filtered={filtered}
          empty={o.empty}
          columns={columns}
          scroll={{ x: 1000 }}
        />
      </Card>
    </>
  );
}
