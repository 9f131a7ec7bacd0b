// G-7: inspections, rectification orders, notices and (for regulators) the
// yearly spot-check plans, as tabs kept in the URL.
import { Card, Tabs } from "antd";
import { useSearchParams } from "react-router-dom";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { InspectionsTab } from "./InspectionsTab.tsx";
import { NoticesTab } from "./NoticesTab.tsx";
import { OrdersTab } from "./OrdersTab.tsx";
import { PlansTab } from "./PlansTab.tsx";

export function OversightPage() {
  const { t } = useI18n();
  const o = t.oversight;
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") ?? "inspections";
  return (
    <>
      <PageHeader title={o.title} subtitle={o.subtitle} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k })}
          destroyOnHidden
          items={[
            { key: "inspections", label: o.tabInspections, children: <InspectionsTab /> },
            { key: "orders", label: o.tabOrders, children: <OrdersTab /> },
            { key: "notices", label: o.tabNotices, children: <NoticesTab /> },
            ...(me.org.kind === "regulator"
              ? [{ key: "plans", label: o.tabPlans, children: <PlansTab /> }]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
