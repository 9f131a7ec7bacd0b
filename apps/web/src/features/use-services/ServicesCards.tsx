// Home cards of the use services (D-10.6, D-10.8, D-11.1): overdue loans, and for
// agencies the scan jobs in progress and the discrepancies still to report.
import { CameraOutlined, SwapOutlined, WarningOutlined } from "@ant-design/icons";
import { Col } from "antd";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { StatCard } from "../home/StatCard.tsx";
import { useServicesApi } from "./api.ts";

export function UseServicesCards() {
  const m = useI18n().t.useServices;
  const kind = useMe().org.kind;
  const q = useQuery(() => useServicesApi.summary(), []);
  const d = q.data;
  if (q.error) return null;
  return (
    <>
      <Col xs={12} lg={6}>
        <StatCard
          title={m.overdueLoansCard}
          value={d?.overdueLoans}
          to="/loans?status=overdue"
          icon={<SwapOutlined />}
          tone={d?.overdueLoans ? "danger" : "success"}
          loading={!d}
        />
      </Col>
      {kind === "agency" && (
        <>
          <Col xs={12} lg={6}>
            <StatCard
              title={m.openScanJobsCard}
              value={d?.openScanJobs}
              to="/scan-jobs?status=open"
              icon={<CameraOutlined />}
              loading={!d}
            />
          </Col>
          <Col xs={12} lg={6}>
            <StatCard
              title={m.unreportedCard}
              value={d?.unreportedDiscrepancies}
              to="/use-requests?status=return_blocked"
              icon={<WarningOutlined />}
              tone={d?.unreportedDiscrepancies ? "danger" : "success"}
              loading={!d}
            />
          </Col>
        </>
      )}
    </>
  );
}
