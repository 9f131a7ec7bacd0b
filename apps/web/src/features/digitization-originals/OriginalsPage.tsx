// The originals of a digitization project (Z-6.1–Z-8.1): a project picker and
// tabs for volumes and screening, handover lists, batches, the workstation
// board, stops and the return check. Project and tab live in the URL.
import { Alert, Card, Empty, Select, Tabs } from "antd";
import { useSearchParams } from "react-router-dom";
import { projectsApi } from "../../api/endpoints.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { originalsApi } from "./api.ts";
import { BatchesTab } from "./BatchesTab.tsx";
import { BoardTab } from "./BoardTab.tsx";
import { HandoverListsTab } from "./HandoverListsTab.tsx";
import { ReturnTab } from "./ReturnTab.tsx";
import { StopsTab } from "./StopsTab.tsx";
import { VolumesTab } from "./VolumesTab.tsx";

export function OriginalsPage() {
  const { t } = useI18n();
  const m = t.digitizationOriginals;
  const [params, setParams] = useSearchParams();
  const projects = useQuery((s) => projectsApi.list({ serviceType: "digitization", pageSize: 100 }, s), []);
  const alerts = useQuery(() => originalsApi.openStops(), []);
  const items = projects.data?.items ?? [];
  const projectId = params.get("project") ?? items[0]?.id ?? null;
  const tab = params.get("tab") ?? "volumes";
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next, { replace: true });
  };
  const openStops = alerts.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={m.subtitle}
        extra={
          <Select
            style={{ minWidth: 320 }}
            placeholder={m.pickProject}
            value={projectId ?? undefined}
            onChange={(v) => set("project", v)}
            options={items.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
            data-testid="originals-project"
          />
        }
      />
      <ErrorAlert error={projects.error} />
      {openStops.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={m.alertTitle(openStops.length)} />
      )}
      {!projectId ? (
        <Card>{projects.loading ? null : <Empty description={m.noProjects} />}</Card>
      ) : (
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(k) => set("tab", k)}
            destroyOnHidden
            items={[
              { key: "volumes", label: m.tabVolumes, children: <VolumesTab projectId={projectId} /> },
              { key: "lists", label: m.tabLists, children: <HandoverListsTab projectId={projectId} /> },
              { key: "batches", label: m.tabBatches, children: <BatchesTab projectId={projectId} /> },
              { key: "board", label: m.tabBoard, children: <BoardTab projectId={projectId} /> },
              { key: "stops", label: m.tabStops, children: <StopsTab projectId={projectId} /> },
              { key: "return", label: m.tabReturn, children: <ReturnTab projectId={projectId} /> },
            ]}
          />
        </Card>
      )}
    </>
  );
}
