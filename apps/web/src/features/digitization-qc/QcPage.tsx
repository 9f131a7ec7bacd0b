// Digitization quality control (Z-7.4): a project picker and tabs for the
// deliveries of its batches (with check progress) and its quality terms.
import { Card, Empty, Select, Tabs } from "antd";
import { useSearchParams } from "react-router-dom";
import { projectsApi } from "../../api/endpoints.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { DeliveriesTab } from "./DeliveriesTab.tsx";
import { TermsTab } from "./TermsTab.tsx";

export function QcPage() {
  const { t } = useI18n();
  const m = t.digitizationQc;
  const [params, setParams] = useSearchParams();
  const projects = useQuery((s) => projectsApi.list({ serviceType: "digitization", pageSize: 100 }, s), []);
  const items = projects.data?.items ?? [];
  const projectId = params.get("project") ?? items[0]?.id ?? null;
  const tab = params.get("tab") ?? "deliveries";
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    if (k === "project") next.delete("batch");
    setParams(next, { replace: true });
  };
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
            data-testid="qc-project"
          />
        }
      />
      <ErrorAlert error={projects.error} />
      {!projectId ? (
        <Card>{projects.loading ? null : <Empty description={m.noProjects} />}</Card>
      ) : (
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(k) => set("tab", k)}
            destroyOnHidden
            items={[
              {
                key: "deliveries",
                label: m.tabDeliveries,
                children: <DeliveriesTab projectId={projectId} />,
              },
              { key: "terms", label: m.tabTerms, children: <TermsTab projectId={projectId} /> },
            ]}
          />
        </Card>
      )}
    </>
  );
}
