// Agency home: our registration standing and the projects we serve.
import { ProjectOutlined } from "@ant-design/icons";
import { Alert, Card, Col, Descriptions, Row, Space, Table } from "antd";
import { Link } from "react-router-dom";
import { organisationsApi, projectsApi } from "../../api/endpoints.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ForeignBackedTag, RegistrationTag, ServiceTypeTag } from "../../components/Tags.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMeta } from "../../session/MetaContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { DigitizationSiteCards } from "../digitization-site/SiteCards.tsx";
import { useProjectColumns } from "../projects/useProjectColumns.tsx";
import { UseServicesCards } from "../use-services/ServicesCards.tsx";
import { AskedCards } from "./AskedCards.tsx";
import { StatCard } from "./StatCard.tsx";

export function AgencyHome() {
  const { t } = useI18n();
  const { labels } = useMeta();
  const me = useMe();
  const h = t.home;
  const o = t.orgs;
  const org = useQuery(() => organisationsApi.get(me.orgId), [me.orgId]);
  const projects = useQuery((signal) => projectsApi.list({ pageSize: 100 }, signal), []);
  const columns = useProjectColumns({ compact: true });
  const items = projects.data?.items ?? [];
  const count = (s: string) => items.filter((p) => p.status === s).length;
  const a = org.data;

  return (
    <>
      <PageHeader title={h.agencyTitle} subtitle={`${h.greeting(me.displayName)} · ${h.agencyIntro}`} />
      <ErrorAlert error={org.error ?? projects.error} />
      {a && a.registrationStatus !== "active" && (
        <Alert type="error" showIcon title={h.standingNotActive} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[16, 16]}>
        <AskedCards />
        <UseServicesCards />
        <DigitizationSiteCards />
        <Col xs={24} xl={10}>
          <Card
            title={h.standing}
            size="small"
            loading={!a}
            style={{ height: "100%" }}
            extra={<Link to={`/organisations/${me.orgId}`}>{h.viewOrg}</Link>}
          >
            {a && (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={o.registrationStatus}>
                  <RegistrationTag status={a.registrationStatus} />
                </Descriptions.Item>
                <Descriptions.Item label={o.serviceTypes}>
                  <Space size={[4, 4]} wrap>
                    {a.serviceTypes.map((s) => (
                      <ServiceTypeTag key={s} type={s} />
                    ))}
                  </Space>
                </Descriptions.Item>
                <Descriptions.Item label={o.licenceNumber}>
                  <span className="mono">{a.licenceNumber ?? "—"}</span>
                </Descriptions.Item>
                <Descriptions.Item label={o.foreignBacked}>
                  {a.foreignBacked ? <ForeignBackedTag /> : o.domestic}
                </Descriptions.Item>
                <Descriptions.Item label={o.district}>{labels.district(a.district)}</Descriptions.Item>
              </Descriptions>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Row gutter={[16, 16]}>
            <Col xs={12}>
              <StatCard
                title={h.statProjects}
                value={projects.data?.total}
                to="/projects"
                icon={<ProjectOutlined />}
                loading={!projects.data}
              />
            </Col>
            <Col xs={12}>
              <StatCard
                title={h.statActive}
                value={count("active")}
                to="/projects?status=active"
                loading={!projects.data}
              />
            </Col>
            <Col xs={12}>
              <StatCard
                title={h.statDraft}
                value={count("draft")}
                to="/projects?status=draft"
                loading={!projects.data}
              />
            </Col>
            <Col xs={12}>
              <StatCard
                title={h.statNationalScope}
                value={items.filter((p) => p.hasNationalScope).length}
                to="/projects?nationalScope=true"
                tone="danger"
                loading={!projects.data}
              />
            </Col>
          </Row>
        </Col>
        <Col span={24}>
          <Card title={h.projectsServed} size="small" extra={<Link to="/projects">{t.common.viewAll}</Link>}>
            <Table
              rowKey="id"
              size="small"
              loading={projects.loading}
              columns={columns}
              dataSource={items.slice(0, 10)}
              pagination={false}
              scroll={{ x: 900 }}
              locale={{ emptyText: <EmptyState text={h.projectsServedEmpty} /> }}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
