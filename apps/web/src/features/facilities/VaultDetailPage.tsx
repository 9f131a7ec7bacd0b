// One vault (/facilities/vaults/:id/:tab): overview with keeper and keys,
// protective equipment, locations, the map, compliance and the audit trail.
import { Breadcrumb, Card, Result, Space, Tabs, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import type { EntityType } from "../../api/types.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { FullPageSpin } from "../../components/FullPageSpin.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { AuditTrail } from "../audit/AuditTrail.tsx";
import { facilitiesApi } from "./api.ts";
import { ComplianceTab } from "./ComplianceTab.tsx";
import { EquipmentTable } from "./EquipmentTable.tsx";
import { LocationsTab } from "./LocationsTab.tsx";
import { SHELVING } from "./labels.ts";
import { VaultMap } from "./VaultMap.tsx";
import { VaultOverview } from "./VaultOverview.tsx";

const TABS = ["overview", "equipment", "locations", "map", "compliance", "audit"] as const;
type TabKey = (typeof TABS)[number];

function VaultEquipment({ vaultId, maintain }: { vaultId: string; maintain: boolean }) {
  const u = useUrlFilters([] as const);
  return (
    <EquipmentTable
      query={{ vaultId }}
      page={u.page}
      pageSize={u.pageSize}
      onPage={(page, pageSize) => u.set({ page, pageSize })}
      canRecord={maintain}
      {...(maintain ? { addToVaultId: vaultId } : {})}
    />
  );
}

export function VaultDetailPage() {
  const { id = "", tab } = useParams();
  const navigate = useNavigate();
  const { t, pick } = useI18n();
  const f = t.facilities;
  const vault = useQuery(() => facilitiesApi.vault(id), [id]);
  const active: TabKey = (TABS as readonly string[]).includes(tab ?? "") ? (tab as TabKey) : "overview";

  if (vault.error && !vault.data)
    return vault.error.status === 404 ? (
      <Result
        status="404"
        title={t.common.notFoundTitle}
        extra={<Link to="/facilities">{t.common.back}</Link>}
      />
    ) : (
      <ErrorAlert error={vault.error} />
    );
  const v = vault.data;
  if (!v) return <FullPageSpin />;

  const labels: Record<TabKey, string> = {
    overview: f.tabOverview,
    equipment: f.tabEquipment,
    locations: f.tabLocations,
    map: f.tabMap,
    compliance: f.tabCompliance,
    audit: f.tabAudit,
  };
  const content: Record<TabKey, () => ReactNode> = {
    overview: () => <VaultOverview vault={v} onChanged={vault.reload} />,
    equipment: () => <VaultEquipment vaultId={v.id} maintain={v.permissions.maintain} />,
    locations: () => <LocationsTab vault={v} onChanged={vault.reload} />,
    map: () => <VaultMap vaultId={v.id} />,
    compliance: () => <ComplianceTab vaultId={v.id} />,
    audit: () => <AuditTrail entityType={"vault" as EntityType} entityId={v.id} />,
  };

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/facilities">{f.title}</Link> },
          { title: <Link to={`/facilities/sites/${v.siteId}`}>{v.siteName}</Link> },
          { title: v.code },
        ]}
      />
      <PageHeader
        title={v.name}
        tags={
          <Space size={4}>
            <Tag className="mono">{v.code}</Tag>
            <Tag>{pick(SHELVING[v.shelvingType])}</Tag>
          </Space>
        }
        subtitle={
          <Typography.Text type="secondary">
            {v.agencyName} · {v.siteName} · {f.keeper}: {v.keeperName ?? f.noKeeper}
          </Typography.Text>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={active}
          onChange={(k) => navigate(`/facilities/vaults/${v.id}/${k}`)}
          destroyOnHidden
          items={TABS.map((key) => ({
            key,
            label: labels[key],
            children: key === active ? content[key]() : null,
          }))}
        />
      </Card>
    </>
  );
}
