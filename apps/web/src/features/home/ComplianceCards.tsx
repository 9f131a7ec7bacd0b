// Across agencies (G-7): open environment alerts (D-9.4, D-9.5) and failed vault
// compliance findings (D-5, D-6, D-9), for the regulator's home.
import { Card, Col, Table, Tag, Tooltip } from "antd";
import { Link } from "react-router-dom";
import { EmptyState } from "../../components/EmptyState.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMeta } from "../../session/MetaContext.tsx";
import { type Alert, environmentApi } from "../environment/api.ts";
import { ALERT_KIND } from "../environment/labels.ts";
import { type AreaCompliance, facilitiesApi } from "../facilities/api.ts";

type AgencyRow = AreaCompliance["items"][number];

export function ComplianceCards() {
  const { t, pick } = useI18n();
  const { labels } = useMeta();
  const h = t.home;
  const alerts = useQuery((signal) => environmentApi.alerts({ status: "open", pageSize: 6 }, signal), []);
  const compliance = useQuery(() => facilitiesApi.areaCompliance(), []);
  const failing = (compliance.data?.items ?? []).filter((a) => a.failedCount > 0);

  return (
    <>
      <Col xs={24} xl={12}>
        <Card
          title={`${h.openAlerts}${alerts.data ? ` · ${alerts.data.total}` : ""}`}
          size="small"
          style={{ height: "100%" }}
          extra={<Link to="/environment/alerts?status=open">{t.common.viewAll}</Link>}
        >
          <Table<Alert>
            rowKey="id"
            size="small"
            loading={!alerts.data && !alerts.error}
            pagination={false}
            dataSource={alerts.data?.items ?? []}
            locale={{ emptyText: <EmptyState text={h.openAlertsEmpty} /> }}
            columns={[
              { title: h.complianceAgency, dataIndex: "agencyName", ellipsis: true },
              { title: "", render: (_, a) => `${a.vaultCode} ${a.vaultName}`, ellipsis: true },
              {
                title: "",
                render: (_, a) => <Tag color="red">{pick(ALERT_KIND[a.kind])}</Tag>,
              },
              { title: "", dataIndex: "lastAt", render: (v: string) => new Date(v).toLocaleString() },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={h.complianceFindings} size="small" style={{ height: "100%" }}>
          <Table<AgencyRow>
            rowKey="id"
            size="small"
            loading={!compliance.data && !compliance.error}
            pagination={false}
            dataSource={failing}
            locale={{ emptyText: <EmptyState text={h.complianceEmpty} /> }}
            columns={[
              {
                title: h.complianceAgency,
                render: (_, a) => <Link to={`/registry/${a.id}`}>{a.name}</Link>,
                ellipsis: true,
              },
              { title: "", dataIndex: "district", render: (d: string) => labels.district(d), width: 90 },
              { title: h.complianceVaults, dataIndex: "vaultCount", width: 70 },
              {
                title: h.complianceFailed,
                dataIndex: "failedCount",
                width: 80,
                render: (n: number) => <Tag color="orange">{n}</Tag>,
              },
              {
                title: h.complianceClauses,
                render: (_, a) =>
                  [...new Set(a.failed.map((f) => f.clause))].slice(0, 4).map((c) => (
                    <Tooltip
                      key={c}
                      title={a.failed
                        .filter((f) => f.clause === c)
                        .map((f) => `${f.vaultCode} ${pick(f.label)}`)
                        .join("；")}
                    >
                      <Tag>{c}</Tag>
                    </Tooltip>
                  )),
              },
            ]}
          />
        </Card>
      </Col>
    </>
  );
}
