// D-12.1, D-12.2: statistics and the ledger reconciliation. An agency sees all
// its clients; a client its own holdings; a regulator aggregates per agency.
import { Card, Tabs } from "antd";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import type { HoldingDimension } from "./api.ts";
import { HoldingsTab } from "./HoldingsTab.tsx";
import { MovementsTab } from "./MovementsTab.tsx";
import { ReconcileTab } from "./ReconcileTab.tsx";
import { UseTab } from "./UseTab.tsx";

const DIMENSIONS: Record<string, HoldingDimension[]> = {
  agency: ["client", "vault", "category", "carrier", "project"],
  client: ["project", "vault", "category", "carrier"],
  regulator: ["agency", "category", "carrier"],
};

export function StatisticsPage() {
  const { t } = useI18n();
  const s = t.statistics;
  const me = useMe();
  return (
    <>
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            {
              key: "holdings",
              label: s.tabHoldings,
              children: <HoldingsTab dimensions={DIMENSIONS[me.org.kind] ?? []} />,
            },
            { key: "movements", label: s.tabMovements, children: <MovementsTab /> },
            { key: "use", label: s.tabUse, children: <UseTab /> },
            { key: "reconcile", label: s.tabReconcile, children: <ReconcileTab /> },
          ]}
        />
      </Card>
    </>
  );
}
