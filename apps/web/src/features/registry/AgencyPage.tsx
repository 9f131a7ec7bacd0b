// One agency's registry entry: standing and licence, staff and titles (G-14),
// facilities, projects, inspections, incidents, acceptance results and the
// history of its standing (G-12). Supervising regulator admins change standing.
import { Button, Card, Col, Descriptions, Row, Space, Table, Tag } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import type { ProjectStatus } from "../../api/types.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ForeignBackedTag, RegistrationTag, ServiceTypeTag } from "../../components/Tags.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDate, formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { PROJECT_STATUS } from "../../i18n/labels.ts";
import { useMeta } from "../../session/MetaContext.tsx";
import { BarList } from "../statistics/BarList.tsx";
import { registryApi } from "./api.ts";
import { StandingModal } from "./StandingModal.tsx";

const TITLES = ["senior", "intermediate", "junior", "none"] as const;

export function AgencyPage() {
  const { id } = useParams() as { id: string };
  const { t, pick } = useI18n();
  const r = t.registry;
  const { labels } = useMeta();
  const q = useQuery(() => registryApi.get(id), [id]);
  const [action, setAction] = useState<string>();
  const a = q.data;

  return (
    <>
      <PageHeader
        title={a?.name ?? r.title}
        subtitle={r.subtitle}
        extra={
          <Space>
            {a?.nextStandingActions.map((x) => (
              <Button key={x} danger={x !== "reinstate"} onClick={() => setAction(x)}>
                {r.actions(x)}
              </Button>
            ))}
          </Space>
        }
      />
      <ErrorAlert error={q.error} />
      {a && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card size="small" title={r.status}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={r.status}>
                  <Space size={4}>
                    <RegistrationTag status={a.registrationStatus} />
                    {a.foreignBacked && <ForeignBackedTag />}
                  </Space>
                </Descriptions.Item>
                <Descriptions.Item label={r.licence}>{a.licenceNumber ?? "—"}</Descriptions.Item>
                <Descriptions.Item label={r.district}>{labels.district(a.district)}</Descriptions.Item>
                <Descriptions.Item label={r.services}>
                  <Space size={4} wrap>
                    {a.serviceTypes.map((s) => (
                      <ServiceTypeTag key={s} type={s} />
                    ))}
                  </Space>
                </Descriptions.Item>
                <Descriptions.Item label={r.scope}>{a.businessScope ?? "—"}</Descriptions.Item>
                <Descriptions.Item label={r.acceptance}>
                  {r.completed} {a.acceptance.completed} · {r.cancelled} {a.acceptance.cancelled} ·{" "}
                  {t.acceptance.passed} {a.acceptance.passed} · {t.acceptance.failed} {a.acceptance.failed}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={r.staffByTitle} style={{ height: "100%" }}>
              <BarList
                color="#1677ff"
                rows={TITLES.map((k) => ({ key: k, label: r.titles(k), value: a.staff.byTitle[k] ?? 0 }))}
              />
              <p style={{ marginTop: 12 }}>
                {r.professionals}：<b>{a.staff.archiveProfessionals}</b> / {a.staffCount}
              </p>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card
              size="small"
              title={`${r.facilities}（${r.sites} ${a.facilities.sites.length} · ${r.vaults} ${a.vaultCount}）`}
              extra={<Link to={`/facilities/compliance?agencyId=${a.id}`}>{r.compliance}</Link>}
            >
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={a.facilities.vaults}
                locale={{ emptyText: <EmptyState text="—" /> }}
                columns={[
                  { title: "#", dataIndex: "code", width: 80 },
                  { title: r.vaults, dataIndex: "name" },
                  { title: r.sites, dataIndex: "siteName" },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={r.inspections}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={a.inspections}
                locale={{ emptyText: <EmptyState text={r.inspectionsEmpty} /> }}
                columns={[
                  { title: r.project, dataIndex: "projectCode", width: 130 },
                  {
                    title: r.inspections,
                    dataIndex: "title",
                    render: (x: string, i) => <Link to={`/oversight/inspections/${i.id}`}>{x}</Link>,
                  },
                  { title: r.findings, dataIndex: "findingCount", width: 90, align: "right" },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24}>
            <Card size="small" title={r.projects}>
              <Table
                rowKey="id"
                size="small"
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={a.projects}
                columns={[
                  {
                    title: r.project,
                    dataIndex: "name",
                    render: (x: string, p) => (
                      <Link to={`/projects/${p.id}`}>
                        {p.code} {x}
                      </Link>
                    ),
                  },
                  { title: r.client, dataIndex: "clientName" },
                  {
                    title: r.services,
                    dataIndex: "serviceType",
                    width: 130,
                    render: (s) => <ServiceTypeTag type={s} />,
                  },
                  {
                    title: r.stateCol,
                    dataIndex: "status",
                    width: 100,
                    render: (s: ProjectStatus) => (
                      <Tag color={PROJECT_STATUS[s]?.color}>{pick(PROJECT_STATUS[s])}</Tag>
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card
              size="small"
              title={r.incidents}
              extra={<Link to={`/incidents?agencyOrgId=${a.id}`}>{t.common.viewAll}</Link>}
            >
              <Table
                rowKey="id"
                size="small"
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                dataSource={a.incidents}
                locale={{ emptyText: <EmptyState text={r.incidentsEmpty} /> }}
                columns={[
                  {
                    title: r.openedAt,
                    dataIndex: "openedAt",
                    width: 110,
                    render: (d: string) => formatDate(d),
                  },
                  {
                    title: r.title_,
                    dataIndex: "title",
                    render: (x: string, i) => <Link to={`/incidents/${i.id}`}>{x}</Link>,
                  },
                  {
                    title: r.severityCol,
                    dataIndex: "severity",
                    width: 80,
                    render: (s: string) => (
                      <Tag color={s === "critical" ? "red" : s === "major" ? "orange" : "default"}>
                        {r.severity(s)}
                      </Tag>
                    ),
                  },
                  {
                    title: r.stateCol,
                    dataIndex: "status",
                    width: 90,
                    render: (s: string) => r.incidentStatus(s),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={r.standingHistory}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={a.standingHistory}
                locale={{ emptyText: <EmptyState text={r.standingEmpty} /> }}
                columns={[
                  {
                    title: r.changedAt,
                    dataIndex: "changedAt",
                    width: 150,
                    render: (d: string) => formatDateTime(d),
                  },
                  {
                    title: r.changeStanding,
                    dataIndex: "action",
                    width: 80,
                    render: (x: string) => r.actions(x),
                  },
                  { title: r.reason, dataIndex: "reason" },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
      <StandingModal
        agencyId={id}
        action={action}
        onClose={(changed) => {
          setAction(undefined);
          if (changed) q.reload();
        }}
      />
    </>
  );
}
