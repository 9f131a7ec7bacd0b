// One vault's environment (D-9.4, D-9.5): readings over time with the limits
// as bands, the limits of each of its zones, its sensors and its alerts.
import { LoginOutlined } from "@ant-design/icons";
import { Card, Flex, Tag } from "antd";
import { useParams } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { FullPageSpin } from "../../components/FullPageSpin.tsx";
import { LinkButton } from "../../components/LinkButton.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { AlertsTable } from "./AlertsTable.tsx";
import { environmentApi } from "./api.ts";
import { ChartsCard } from "./ChartsCard.tsx";
import { ImportCsvButton } from "./ImportCsvButton.tsx";
import { LimitsCard } from "./LimitsCard.tsx";
import { useCanAcknowledge } from "./permissions.ts";
import { SensorsCard } from "./SensorsCard.tsx";

export function VaultEnvironmentPage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const e = t.environment;
  const page = useQuery(() => environmentApi.vault(id), [id]);
  const alerts = useQuery(() => environmentApi.alerts({ vaultId: id, pageSize: 50 }), [id]);
  const canAck = useCanAcknowledge();
  if (page.error) return <ErrorAlert error={page.error} />;
  if (!page.data) return <FullPageSpin />;
  const { vault, permissions: may, sensors, zones } = page.data;
  const reload = () => {
    page.reload();
    alerts.reload();
  };

  return (
    <>
      <PageHeader
        title={`${vault.code} · ${vault.name}`}
        subtitle={`${vault.agencyName} · ${vault.siteName}`}
        tags={
          page.data.openAlerts > 0 ? (
            <Tag color="error">{`${e.openAlerts} ${page.data.openAlerts}`}</Tag>
          ) : undefined
        }
        extra={
          <>
            {may.readEntries && (
              <LinkButton to={`/vault-access?vaultId=${vault.id}`} icon={<LoginOutlined />}>
                {e.entryLog}
              </LinkButton>
            )}
            {may.importReadings && <ImportCsvButton vaultId={vault.id} onImported={reload} />}
          </>
        }
      />
      <Flex vertical gap={16}>
        {sensors.length > 0 && <ChartsCard vaultId={vault.id} sensors={sensors} />}
        <LimitsCard zones={zones} dominant={vault.dominantZone} />
        <SensorsCard vaultId={vault.id} sensors={sensors} canManage={may.manageSensors} onChanged={reload} />
        <Card title={e.alertsTitle}>
          <AlertsTable
            items={alerts.data?.items ?? []}
            loading={alerts.loading}
            showVault={false}
            canAcknowledge={canAck}
            onChanged={reload}
          />
        </Card>
      </Flex>
    </>
  );
}
