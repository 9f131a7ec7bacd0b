// One digitization project's site (/digitization/projects/:id/site/:tab): the
// dashboard, people and entry, devices, ports and seals, media and handover.
import { Breadcrumb, Card, Result, Space, Tabs, Tag, Tooltip, Typography } from "antd";
import type { ReactNode } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { FullPageSpin } from "../../components/FullPageSpin.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type Dashboard, siteApi } from "./api.ts";
import { DevicesTab } from "./DevicesTab.tsx";
import { MediaTab } from "./MediaTab.tsx";
import { OverviewTab } from "./OverviewTab.tsx";
import { PeopleTab } from "./PeopleTab.tsx";
import { PortsTab } from "./PortsTab.tsx";

const TABS = ["overview", "people", "devices", "ports", "media"] as const;
type TabKey = (typeof TABS)[number];

export interface TabProps {
  d: Dashboard;
  reload: () => void;
}

export function Unverified() {
  const { t } = useI18n();
  return (
    <Tooltip title={t.digitizationSite.unverifiedHint}>
      <Tag color="warning">{t.digitizationSite.unverified}</Tag>
    </Tooltip>
  );
}

export function SitePage() {
  const { id = "", tab } = useParams();
  const navigate = useNavigate();
  const { t } = useI18n();
  const m = t.digitizationSite;
  const dash = useQuery((s) => siteApi.dashboard(id, s), [id]);
  const active: TabKey = (TABS as readonly string[]).includes(tab ?? "") ? (tab as TabKey) : "overview";
  if (dash.error && !dash.data)
    return dash.error.status === 404 ? (
      <Result
        status="404"
        title={t.projects.notFound}
        extra={<Link to="/digitization/site">{t.common.back}</Link>}
      />
    ) : (
      <ErrorAlert error={dash.error} />
    );
  const d = dash.data;
  if (!d) return <FullPageSpin />;
  const labels: Record<TabKey, string> = {
    overview: m.tabOverview,
    people: m.tabPeople,
    devices: m.tabDevices,
    ports: m.tabPorts,
    media: m.tabMedia,
  };
  const props = { d, reload: dash.reload };
  const content: Record<TabKey, () => ReactNode> = {
    overview: () => <OverviewTab {...props} />,
    people: () => <PeopleTab {...props} />,
    devices: () => <DevicesTab {...props} />,
    ports: () => <PortsTab {...props} />,
    media: () => <MediaTab {...props} />,
  };
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/digitization/site">{m.pickerTitle}</Link> },
          { title: <Link to={`/projects/${d.project.id}`}>{d.project.code}</Link> },
          { title: m.title },
        ]}
      />
      <PageHeader
        title={`${m.title} · ${d.project.name}`}
        subtitle={
          <Space size={6} wrap>
            <Typography.Text type="secondary">
              {d.project.clientName} → {d.project.agencyName}
            </Typography.Text>
          </Space>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={active}
          onChange={(k) => navigate(`/digitization/projects/${d.project.id}/site/${k}`)}
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
