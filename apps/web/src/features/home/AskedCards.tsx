// Home-page cards of what is asked of the caller (G-7): filings to check or to
// answer, deposits not filed, open incidents; regulators also see charts of
// filings by state and open incidents by agency.
import { AlertOutlined, FileProtectOutlined } from "@ant-design/icons";
import { Card, Col } from "antd";
import { Link } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { BarList } from "../statistics/BarList.tsx";
import { Distribution } from "./Distribution.tsx";
import { loadAsked } from "./registryData.ts";
import { StatCard } from "./StatCard.tsx";

export function AskedCards() {
  const { t } = useI18n();
  const r = t.registry;
  const me = useMe();
  const kind = me.org.kind;
  const q = useQuery(() => loadAsked(kind), [kind]);
  const d = q.data;
  const regulator = kind === "regulator";
  const cards = [
    ...(kind === "agency"
      ? []
      : [
          {
            key: "waiting",
            title: regulator ? r.filingsWaiting : r.filingsReturned,
            value: regulator ? d?.filings.submitted : d?.filings.returned,
            to: regulator ? "/filings?status=submitted" : "/filings?status=returned",
            tone: "warning" as const,
            icon: <FileProtectOutlined />,
          },
          {
            key: "unfiled",
            title: r.unfiledCount,
            value: d?.filings.unfiled,
            to: "/filings",
            tone: "danger" as const,
          },
        ]),
    {
      key: "incidents",
      title: r.openIncidentsCard,
      value: d ? d.incidents.open + d.incidents.investigating : undefined,
      to: "/incidents?status=open",
      tone: "danger" as const,
      icon: <AlertOutlined />,
    },
  ];
  return (
    <>
      {q.error && (
        <Col span={24}>
          <ErrorAlert error={q.error} />
        </Col>
      )}
      {cards.map((c) => (
        <Col xs={12} lg={regulator ? 8 : 6} key={c.key}>
          <StatCard title={c.title} value={c.value} to={c.to} tone={c.tone} icon={c.icon} loading={!d} />
        </Col>
      ))}
      {regulator && (
        <>
          <Col xs={24} lg={10}>
            <Card
              title={r.filingsByState}
              size="small"
              style={{ height: "100%" }}
              loading={!d}
              extra={<Link to="/filings">{t.common.viewAll}</Link>}
            >
              {d && (
                <Distribution
                  buckets={(["submitted", "returned", "verified"] as const).map((s) => ({
                    key: s,
                    label: r.filingStatus(s),
                    count: d.filings[s],
                    to: `/filings?status=${s}`,
                    color: s === "submitted" ? "#1677ff" : s === "returned" ? "#faad14" : "#52c41a",
                  }))}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card
              title={r.incidentsByAgency}
              size="small"
              style={{ height: "100%" }}
              loading={!d}
              extra={<Link to="/incidents">{t.common.viewAll}</Link>}
            >
              {d && (
                <BarList
                  rows={d.incidentsByAgency.map((a) => ({
                    key: a.id,
                    label: a.name,
                    value: a.openIncidentCount,
                  }))}
                />
              )}
            </Card>
          </Col>
        </>
      )}
    </>
  );
}
