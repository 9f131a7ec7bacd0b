// Client home: our projects, open ledger problems and contracts not yet signed.
import {
  ExclamationCircleOutlined,
  FileDoneOutlined,
  PlusOutlined,
  ProjectOutlined,
} from "@ant-design/icons";
import { Button, Card, Col, Flex, Row, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { Link, useNavigate } from "react-router-dom";
import type { LedgerEntry, Project } from "../../api/types.ts";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { LinkButton } from "../../components/LinkButton.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDate } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { canCreateProject } from "../../session/roles.ts";
import { useMe } from "../../session/SessionContext.tsx";
import { DigitizationStopsAlert } from "../digitization-originals/StopsAlert.tsx";
import { DigitizationSiteCards } from "../digitization-site/SiteCards.tsx";
import { useProjectColumns } from "../projects/useProjectColumns.tsx";
import { ScreeningAlert } from "../screening/ScreeningAlert.tsx";
import { UseServicesCards } from "../use-services/ServicesCards.tsx";
import { AskedCards } from "./AskedCards.tsx";
import { loadClientOverview } from "./clientData.ts";
import { StatCard } from "./StatCard.tsx";

type Problem = LedgerEntry & { project: Project };

export function ClientHome() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const h = t.home;
  const q = useQuery(() => loadClientOverview(), []);
  const d = q.data;
  const projectColumns = useProjectColumns({ compact: true });
  const mayCreate = canCreateProject(me);

  const problemColumns: ColumnsType<Problem> = [
    { title: t.ledger.occurredOn, dataIndex: "occurredOn", width: 110, render: (v: string) => formatDate(v) },
    { title: t.ledger.summary, dataIndex: "summary" },
    {
      title: t.ledger.clause,
      dataIndex: "clauseId",
      width: 90,
      render: (c: string | null) => (c ? <ClauseTag id={c} /> : "—"),
    },
    {
      title: t.projects.name,
      key: "project",
      render: (_, e) => <Link to={`/projects/${e.project.id}/ledger`}>{e.project.name}</Link>,
    },
  ];

  return (
    <>
      <PageHeader
        title={h.clientTitle}
        subtitle={`${h.greeting(me.displayName)} · ${h.clientIntro}`}
        extra={
          mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate("/projects/new")}>
              {t.projects.newProject}
            </Button>
          )
        }
      />
      <ErrorAlert error={q.error} />
      <ScreeningAlert />
      <DigitizationStopsAlert />
      <Row gutter={[16, 16]}>
        <AskedCards />
        <UseServicesCards />
        <DigitizationSiteCards />
        <Col xs={12} lg={6}>
          <StatCard
            title={h.statProjects}
            value={d?.projects.total}
            to="/projects"
            icon={<ProjectOutlined />}
            loading={!d}
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            title={h.statActive}
            value={d?.projects.items.filter((p) => p.status === "active").length}
            to="/projects?status=active"
            loading={!d}
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            title={h.statOpenProblems}
            value={d?.openProblems.length}
            icon={<ExclamationCircleOutlined />}
            tone={d?.openProblems.length ? "danger" : "success"}
            loading={!d}
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            title={h.statUnsigned}
            value={d?.unsigned.length}
            icon={<FileDoneOutlined />}
            tone={d?.unsigned.length ? "warning" : "success"}
            loading={!d}
          />
        </Col>
        <Col xs={24} xl={12}>
          <Card title={h.openProblems} size="small" style={{ height: "100%" }}>
            <Table
              rowKey="id"
              size="small"
              loading={!d}
              columns={problemColumns}
              dataSource={d?.openProblems ?? []}
              pagination={false}
              locale={{ emptyText: <EmptyState text={h.openProblemsEmpty} /> }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={h.unsignedContracts} size="small" style={{ height: "100%" }}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              <ClauseTag id="G-10" /> {h.unsignedHelp}
            </Typography.Paragraph>
            {d && d.unsigned.length === 0 ? (
              <EmptyState text={h.unsignedEmpty} />
            ) : (
              <Flex vertical gap={8}>
                {(d?.unsigned ?? []).map((p) => (
                  <Flex key={p.id} justify="space-between" align="center" gap={12}>
                    <Link to={`/projects/${p.id}`}>
                      <span className="mono">{p.code}</span> {p.name}
                    </Link>
                    <LinkButton size="small" to={`/projects/${p.id}/contract`}>
                      {h.fillContract}
                    </LinkButton>
                  </Flex>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card title={h.myProjects} size="small" extra={<Link to="/projects">{t.common.viewAll}</Link>}>
            <Table
              rowKey="id"
              size="small"
              loading={!d}
              columns={projectColumns}
              dataSource={(d?.projects.items ?? []).slice(0, 8)}
              pagination={false}
              scroll={{ x: 900 }}
              locale={{
                emptyText: (
                  <EmptyState
                    text={t.projects.emptyClient}
                    action={
                      mayCreate && (
                        <LinkButton type="primary" to="/projects/new">
                          {h.firstProject}
                        </LinkButton>
                      )
                    }
                  />
                ),
              }}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
