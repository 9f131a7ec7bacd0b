// Environment alerts across every vault I may see: filters in the URL, pages,
// Excel export; the agency's keepers and manager acknowledge them here.
import { Button, Card, Flex, Select } from "antd";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { serverPagination } from "../../components/pagination.ts";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { AlertsTable } from "./AlertsTable.tsx";
import { type AlertKind, environmentApi } from "./api.ts";
import { ALERT_KIND } from "./labels.ts";
import { useCanAcknowledge } from "./permissions.ts";

const FILTERS = ["vaultId", "status", "kind"] as const;

export function AlertsPage() {
  const { t, pick } = useI18n();
  const e = t.environment;
  const me = useMe();
  const f = useUrlFilters(FILTERS);
  const filters = f.values;
  const query = { ...filters, page: f.page, pageSize: f.pageSize };
  const list = useQuery((signal) => environmentApi.alerts(query, signal), [JSON.stringify(query)]);
  const vaults = useQuery(() => environmentApi.vaults({ pageSize: 200 }), []);
  const canAck = useCanAcknowledge();
  const filtered = FILTERS.some((k) => filters[k]);

  return (
    <>
      <PageHeader
        title={e.alertsTitle}
        subtitle={e.alertsSubtitle}
        extra={<ExportButton href={environmentApi.alertsExportUrl(filters)} />}
      />
      <Card>
        <Flex gap={12} wrap className="table-toolbar">
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={e.vault}
            aria-label={e.vault}
            style={{ width: 240 }}
            value={filters.vaultId}
            onChange={(vaultId) => f.set({ vaultId })}
            options={(vaults.data?.items ?? []).map((v) => ({
              value: v.id,
              label: `${v.code} ${v.name}${me.org.kind === "agency" ? "" : ` · ${v.agencyName}`}`,
            }))}
          />
          <Select
            allowClear
            placeholder={e.allStatuses}
            aria-label={e.allStatuses}
            style={{ width: 130 }}
            value={filters.status}
            onChange={(status) => f.set({ status })}
            options={[
              { value: "open", label: e.statusOpen },
              { value: "acknowledged", label: e.statusAcknowledged },
            ]}
          />
          <Select
            allowClear
            placeholder={e.allKinds}
            aria-label={e.allKinds}
            style={{ width: 180 }}
            value={filters.kind}
            onChange={(kind) => f.set({ kind })}
            options={(Object.keys(ALERT_KIND) as AlertKind[]).map((k) => ({
              value: k,
              label: pick(ALERT_KIND[k]),
            }))}
          />
          {filtered && <Button onClick={f.reset}>{t.common.reset}</Button>}
        </Flex>
        <ErrorAlert error={list.error} />
        <AlertsTable
          items={list.data?.items ?? []}
          loading={list.loading}
          showVault
          canAcknowledge={canAck}
          onChanged={list.reload}
          pagination={serverPagination(
            f.page,
            f.pageSize,
            list.data?.total,
            t.common.total,
            (page, pageSize) => f.set({ page, pageSize }),
          )}
        />
      </Card>
    </>
  );
}
