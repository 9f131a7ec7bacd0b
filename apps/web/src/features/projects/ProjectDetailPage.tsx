// One project: header with its status and tabs for overview, contract,
// ledger, attachments, confirmations, final acceptance and audit trail (/projects/:id/:tab).
import { Breadcrumb, Card, Result, Space, Tabs, Typography } from "antd";
import type { ReactNode } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { projectsApi } from "../../api/endpoints.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { FullPageSpin } from "../../components/FullPageSpin.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { NationalScopeTag, ProjectStatusTag, ServiceTypeTag } from "../../components/Tags.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { AcceptanceTab } from "../acceptance/AcceptanceTab.tsx";
import { AuditTrail } from "../audit/AuditTrail.tsx";
import { CataloguesTab } from "../catalogues/CataloguesTab.tsx";
import { AttachmentsTab } from "./tabs/AttachmentsTab.tsx";
import { ConfirmationsTab } from "./tabs/ConfirmationsTab.tsx";
import { ContractTab } from "./tabs/ContractTab.tsx";
import { LedgerTab } from "./tabs/LedgerTab.tsx";
import { OverviewTab } from "./tabs/OverviewTab.tsx";

const TABS = [
  "overview",
  "contract",
  "ledger",
  "catalogues",
  "attachments",
  "confirmations",
  "acceptance",
  "audit",
] as const;
type TabKey = (typeof TABS)[number];

export function ProjectDetailPage() {
  const { id = "", tab } = useParams();
  const navigate = useNavigate();
  const { t } = useI18n();
  const p = t.projects;
  const project = useQuery(() => projectsApi.get(id), [id]);
  const active: TabKey = (TABS as readonly string[]).includes(tab ?? "") ? (tab as TabKey) : "overview";

  if (project.error && !project.data) {
    return project.error.status === 404 ? (
      <Result status="404" title={p.notFound} extra={<Link to="/projects">{t.common.back}</Link>} />
    ) : (
      <ErrorAlert error={project.error} />
    );
  }
  const d = project.data;
  if (!d) return <FullPageSpin />;

  const labels: Record<TabKey, string> = {
    overview: p.tabOverview,
    contract: p.tabContract,
    ledger: p.tabLedger,
    catalogues: t.catalogues.tab,
    attachments: p.tabAttachments,
    confirmations: p.tabConfirmations,
    acceptance: t.acceptance.tab,
    audit: p.tabAudit,
  };
  const content: Record<TabKey, () => ReactNode> = {
    overview: () => <OverviewTab project={d} onChanged={project.reload} />,
    contract: () => <ContractTab project={d} onChanged={project.reload} />,
    ledger: () => <LedgerTab project={d} />,
    catalogues: () => <CataloguesTab project={d} />,
    attachments: () => <AttachmentsTab project={d} />,
    confirmations: () => <ConfirmationsTab project={d} />,
    acceptance: () => <AcceptanceTab project={d} onChanged={project.reload} />,
    audit: () => <AuditTrail entityType="project" entityId={d.id} />,
  };

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/projects">{p.title}</Link> }, { title: d.code }]}
      />
      <PageHeader
        title={d.name}
        tags={
          <Space size={4}>
            <ProjectStatusTag status={d.status} />
            <ServiceTypeTag type={d.serviceType} />
            {d.hasNationalScope && <NationalScopeTag />}
          </Space>
        }
        subtitle={
          <Typography.Text type="secondary">
            <span className="mono">{d.code}</span> · {d.clientName} → {d.agencyName}
          </Typography.Text>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={active}
          onChange={(k) => navigate(`/projects/${d.id}/${k}`)}
          destroyOnHidden
          items={TABS.map((key) => ({
            key,
            label: labels[key],
            children: key === active ? content[key]() : null,
          }))}
        />
      </Card>
    </>
  );
}
