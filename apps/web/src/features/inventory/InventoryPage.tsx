// D-9.8: the year's status per vault, the plans and the checks. Agencies plan
// and count; regulators read their districts; clients see the yearly status.
import { PageHeader } from "../../components/PageHeader.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { inventoryApi } from "./api.ts";
import { ChecksCard } from "./ChecksCard.tsx";
import { PlansCard } from "./PlansCard.tsx";
import { YearStatusCard } from "./YearStatusCard.tsx";

export function InventoryPage() {
  const { t } = useI18n();
  const me = useMe();
  const kind = me.org.kind;
  const options = useQuery(() => inventoryApi.options(), []);
  const mayPlan =
    kind === "agency" && me.roles.some((r) => r === "agency_manager" || r === "agency_vault_keeper");

  return (
    <>
      <PageHeader title={t.inventory.title} subtitle={t.inventory.subtitle} />
      <YearStatusCard showAgency={kind !== "agency"} />
      {kind !== "client" && (
        <>
          <PlansCard options={options.data} mayPlan={mayPlan} />
          <ChecksCard showAgency={kind === "regulator"} />
        </>
      )}
    </>
  );
}
