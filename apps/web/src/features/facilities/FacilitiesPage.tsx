// Facilities: the vaults and sites of custody agencies visible to me, with
// search, an agency filter for regulators and clients, and Excel exports.
import { PlusOutlined, SafetyCertificateOutlined, TeamOutlined, ToolOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Table, Tabs, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link } from "react-router-dom";
import type { Page } from "../../api/types.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { LinkButton } from "../../components/LinkButton.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { serverPagination } from "../../components/pagination.ts";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMeta } from "../../session/MetaContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { facilitiesApi, type Site, type Vault } from "./api.ts";
import { CustodyAgencySelect } from "./common.tsx";
import { SiteModal } from "./SiteModal.tsx";
import { VaultModal } from "./VaultModal.tsx";

const FILTERS = ["q", "agencyOrgId", "tab"] as const;

export function FacilitiesPage() {
  const { t } = useI18n();
  const { labels } = useMeta();
  const me = useMe();
  const f = t.facilities;
  const u = useUrlFilters(FILTERS);
  const tab = u.values.tab === "sites" ? "sites" : "vaults";
  const filter = { q: u.values.q, agencyOrgId: u.values.agencyOrgId };
  const query = { ...filter, page: u.page, pageSize: u.pageSize };
  const list = useQuery<Page<Site | Vault>>(
    (signal) => (tab === "sites" ? facilitiesApi.sites(query, signal) : facilitiesApi.vaults(query, signal)),
    [tab, JSON.stringify(query)],
  );
  const [modal, setModal] = useState<"site" | "vault">();
  const isManager = me.org.kind === "agency" && me.roles.includes("agency_manager");
  const mySites = useQuery(
    () => (isManager ? facilitiesApi.sites({ pageSize: 200 }).then((r) => r.items) : Promise.resolve([])),
    [isManager, modal],
  );

  const vaultColumns: ColumnsType<Vault> = [
    {
      title: f.code,
      dataIndex: "code",
      width: 90,
      render: (c: string, r) => (
        <Link to={`/facilities/vaults/${r.id}`} className="mono">
          {c}
        </Link>
      ),
    },
    {
      title: f.name,
      dataIndex: "name",
      render: (n: string, r) => <Link to={`/facilities/vaults/${r.id}`}>{n}</Link>,
    },
    {
      title: f.site,
      dataIndex: "siteName",
      render: (n: string, r) => <Link to={`/facilities/sites/${r.siteId}`}>{n}</Link>,
    },
    ...(me.org.kind === "agency" ? [] : [{ title: f.agency, dataIndex: "agencyName" }]),
    { title: f.floorArea, dataIndex: "floorAreaM2", width: 110, render: (n: number | null) => n ?? "—" },
    {
      title: f.keeper,
      dataIndex: "keeperName",
      width: 110,
      render: (n: string | null) => n ?? <Tag>{f.noKeeper}</Tag>,
    },
    { title: f.locationCount, dataIndex: "locationCount", width: 90 },
    {
      title: f.overdueEquipment,
      dataIndex: "overdueEquipment",
      width: 110,
      render: (n: number) => (n > 0 ? <Tag color="error">{n}</Tag> : <Tag color="success">0</Tag>),
    },
  ];
  const siteColumns: ColumnsType<Site> = [
    {
      title: f.name,
      dataIndex: "name",
      render: (n: string, r) => <Link to={`/facilities/sites/${r.id}`}>{n}</Link>,
    },
    ...(me.org.kind === "agency" ? [] : [{ title: f.agency, dataIndex: "agencyName" }]),
    { title: f.address, dataIndex: "address", render: (a: string | null) => a ?? "—" },
    {
      title: f.district,
      dataIndex: "district",
      width: 110,
      render: (d: string | null) => (d ? labels.district(d) : "—"),
    },
    { title: f.vaultCount, dataIndex: "vaultCount", width: 90 },
  ];
  const pagination = serverPagination(
    u.page,
    u.pageSize,
    list.data?.total,
    t.common.total,
    (page, pageSize) => u.set({ page, pageSize }),
  );
  const table =
    tab === "sites" ? (
      <Table<Site>
        rowKey="id"
        size="middle"
        loading={list.loading}
        columns={siteColumns}
        dataSource={(list.data?.items ?? []) as Site[]}
        pagination={pagination}
        locale={{ emptyText: <EmptyState text={f.emptySites} /> }}
      />
    ) : (
      <Table<Vault>
        rowKey="id"
        size="middle"
        loading={list.loading}
        columns={vaultColumns}
        dataSource={(list.data?.items ?? []) as Vault[]}
        pagination={pagination}
        scroll={{ x: 900 }}
        locale={{ emptyText: <EmptyState text={f.emptyVaults} /> }}
      />
    );

  return (
    <>
      <PageHeader
        title={f.title}
        subtitle={f.subtitle}
        extra={
          <>
            <LinkButton to="/facilities/compliance" icon={<SafetyCertificateOutlined />}>
              {f.complianceTitle}
            </LinkButton>
            <LinkButton to="/facilities/equipment" icon={<ToolOutlined />}>
              {f.equipmentTitle}
            </LinkButton>
            <LinkButton to="/facilities/staff" icon={<TeamOutlined />}>
              {f.staffTitle}
            </LinkButton>
            {isManager && (
              <>
                <Button icon={<PlusOutlined />} onClick={() => setModal("site")}>
                  {f.newSite}
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal("vault")}>
                  {f.newVault}
                </Button>
              </>
            )}
          </>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => u.set({ tab: k === "sites" ? "sites" : undefined })}
          items={[
            { key: "vaults", label: f.tabVaults },
            { key: "sites", label: f.tabSites },
          ]}
        />
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput
            value={u.values.q}
            onSearch={(q) => u.set({ q })}
            placeholder={tab === "sites" ? f.searchSites : f.searchVaults}
          />
          {me.org.kind !== "agency" && (
            <CustodyAgencySelect
              value={u.values.agencyOrgId}
              onChange={(agencyOrgId) => u.set({ agencyOrgId })}
            />
          )}
          <ExportButton
            href={
              tab === "sites" ? facilitiesApi.sitesExportUrl(filter) : facilitiesApi.vaultsExportUrl(filter)
            }
          />
        </Flex>
        <ErrorAlert error={list.error} />
        {table}
      </Card>
      <SiteModal open={modal === "site"} onClose={() => setModal(undefined)} onSaved={list.reload} />
      <VaultModal
        open={modal === "vault"}
        sites={mySites.data ?? []}
        onClose={() => setModal(undefined)}
        onSaved={list.reload}
      />
    </>
  );
}
