// Market view (G-5, Z-5.2): fees per unit with outliers, and agency comparison.
import { Card, Tabs } from "antd";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { CompareTab } from "./CompareTab.tsx";
import { FeesTab } from "./FeesTab.tsx";

export function MarketPage() {
  const { t } = useI18n();
  const r = t.registry;
  return (
    <>
      <PageHeader title={r.marketTitle} subtitle={r.marketSubtitle} />
      <Card>
        <Tabs
          items={[
            { key: "fees", label: r.fees, children: <FeesTab /> },
            { key: "compare", label: r.compare, children: <CompareTab /> },
          ]}
        />
      </Card>
    </>
  );
}
