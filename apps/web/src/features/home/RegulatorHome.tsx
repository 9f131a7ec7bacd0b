// Regulator home: projects in the supervised area by status and service type,
// national-scope projects, the agency registry, environment alerts and vault
// compliance findings across agencies, and recent audit events.
import { AlertOutlined, ApartmentOutlined, ProjectOutlined, ShopOutlined } from "@ant-design/icons";
import { Card, Col, Descriptions, Row, Table, Tag } from "antd";
import { Link } from "react-router-dom";
import type { ProjectStatus, ServiceType } from "../../api/types.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { PROJECT_STATUS } from "../../i18n/labels.ts";
import { useMeta } from "../../session/MetaContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { useAuditColumns } from "../audit/useAuditColumns.tsx";
import { useProjectColumns } from "../projects/useProjectColumns.tsx";
import { AskedCards } from "./AskedCards.tsx";
import { ComplianceCards } from "./ComplianceCards.tsx";
import { Distribution } from "./Distribution.tsx";
import { loadRegulatorOverview } from "./regulatorData.ts";
import { StatCard } from "./StatCard.tsx";

const BAR: Record<string, string> = {
  draft: "#bfbfbf",
  active: "#1677ff",
  suspended: "#faad14",
  completed: "#52c41a",
  cancelled: "#ff4d4f",
};

export function RegulatorHome() {
  const { t, pick } = useI18n();
  const { labels } = useMeta();
  const me = useMe();
  const h = t.home;
  const q = useQuery(() => loadRegulatorOverview(), []);
  const d = q.data;
  const projectColumns = useProjectColumns({ compact: true });
  const auditColumns = useAuditColumns({ withEntity: true }).filter(
    (c) => !("dataIndex" in c && (c.dataIndex === "hash" || c.dataIndex === "seq")),
  );
  const area =
    me.org.regulatorLevel === "city"
      ? h.cityWide
      : me.org.supervisedDistricts.map(labels.district).join("、");

  return (
    <>
      <PageHeader
        title={h.regulatorTitle}
        subtitle={`${h.greeting(me.displayName)} · ${h.regulatorScope(area)}`}
      />
      <ErrorAlert error={q.error} />
      <Row gutter={[16, 16]}>
        <AskedCards />
        <Col xs={12} lg={6}>
          <StatCard
            title={h.statProjects}
            value={d?.all}
            to="/projects"
            icon={<ProjectOutlined />}
            loading={!d}
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            title={h.statActive}
            value={d?.byStatus.active}
            to="/projects?status=active"
            loading={!d}
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            title={h.statNationalScope}
            value={d?.national.total}
            to="/projects?nationalScope=true"
            icon={<AlertOutlined />}
            tone="danger"
            loading={!d}
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            title={h.statAgencies}
            value={d?.agencies.total}
            to="/organisations?kind=agency"
            icon={<ShopOutlined />}
            loading={!d}
          />
        </Col>
        <Col xs={24} lg={8}>
          <Card title={h.byStatus} size="small" style={{ height: "100%" }} loading={!d}>
            {d && (
              <Distribution
                buckets={(Object.keys(PROJECT_STATUS) as ProjectStatus[]).map((s) => ({
                  key: s,
                  label: pick(PROJECT_STATUS[s]),
                  count: d.byStatus[s] ?? 0,
                  to: `/projects?status=${s}`,
                  ...(BAR[s] ? { color: BAR[s] } : {}),
                }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={h.byService} size="small" style={{ height: "100%" }} loading={!d}>
            {d && (
              <Distribution
                buckets={(Object.keys(d.byService) as ServiceType[]).map((s) => ({
                  key: s,
                  label: labels.serviceType(s),
                  count: d.byService[s],
                  to: `/projects?serviceType=${s}`,
                }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card
            title={h.agencyRegistry}
            size="small"
            style={{ height: "100%" }}
            loading={!d}
            extra={<Link to="/organisations?kind=agency">{t.common.viewAll}</Link>}
          >
            {d &&
              (d.agencies.total === 0 ? (
                <EmptyState text={h.registryEmpty} />
              ) : (
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={labels.registrationStatus("active")}>
                    <Tag color="success">{d.agencies.active}</Tag>
                  </Descriptions.Item>
                  <Descriptions.Item label={labels.registrationStatus("suspended")}>
                    <Tag color="warning">{d.agencies.suspended}</Tag>
                  </Descriptions.Item>
                  <Descriptions.Item label={labels.registrationStatus("revoked")}>
                    <Tag color="error">{d.agencies.revoked}</Tag>
                  </Descriptions.Item>
                  <Descriptions.Item label={h.foreignBackedAgencies}>
                    <Tag color="magenta">{d.agencies.foreignBacked}</Tag>
                  </Descriptions.Item>
                  <Descriptions.Item label={h.statClients}>
                    <Link to="/organisations?kind=client">
                      <ApartmentOutlined /> {d.clients}
                    </Link>
                  </Descriptions.Item>
                </Descriptions>
              ))}
          </Card>
        </Col>
        <ComplianceCards />
        <Col span={24}>
          <Card
            title={h.nationalScopeProjects}
            size="small"
            extra={<Link to="/projects?nationalScope=true">{t.common.viewAll}</Link>}
          >
            <Table
              rowKey="id"
              size="small"
              loading={!d}
              columns={projectColumns}
              dataSource={d?.national.items ?? []}
              pagination={false}
              scroll={{ x: 900 }}
              locale={{ emptyText: <EmptyState text={h.nationalScopeEmpty} /> }}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={h.recentAudit} size="small" extra={<Link to="/audit">{t.common.viewAll}</Link>}>
            <Table
              rowKey="seq"
              size="small"
              loading={!d}
              columns={auditColumns}
              dataSource={d?.audit ?? []}
              pagination={false}
              scroll={{ x: 900 }}
              locale={{ emptyText: <EmptyState text={h.recentAuditEmpty} /> }}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
