// Home cards of the digitization site: overdue seal tests (Z-5.8), devices out
// and take-outs awaiting the client's approval (Z-5.7); only with a digitization project.
import { ClockCircleOutlined, ExportOutlined, SafetyOutlined } from "@ant-design/icons";
import { Col } from "antd";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { StatCard } from "../home/StatCard.tsx";
import { siteApi } from "./api.ts";

export function DigitizationSiteCards() {
  const m = useI18n().t.digitizationSite;
  const kind = useMe().org.kind;
  const q = useQuery((s) => siteApi.summary(s), []);
  const d = q.data;
  if (q.error || !d?.projects) return null;
  return (
    <>
      <Col xs={12} lg={6}>
        <StatCard
          title={m.overdueCard}
          value={d.overdueSealTests}
          to="/digitization/site"
          icon={<SafetyOutlined />}
          tone={d.overdueSealTests ? "danger" : "success"}
        />
      </Col>
      <Col xs={12} lg={6}>
        <StatCard
          title={m.devicesOutCard}
          value={d.devicesOut}
          to="/digitization/site"
          icon={<ExportOutlined />}
        />
      </Col>
      {kind === "client" && (
        <Col xs={12} lg={6}>
          <StatCard
            title={m.awaitingCard}
            value={d.awaitingApproval}
            to="/digitization/site"
            icon={<ClockCircleOutlined />}
            tone={d.awaitingApproval ? "danger" : "success"}
          />
        </Col>
      )}
    </>
  );
}
