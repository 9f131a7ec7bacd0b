// One intake batch (D-8.1): its steps with people and records, the legal next
// actions, and tabs for the boxes, the items, the conditions, the handover
// records (anomalies, content access, repacking) and the audit trail.
import { FilePdfOutlined } from "@ant-design/icons";
import { Breadcrumb, Button, Card, Result, Space, Tabs, Tag, Typography } from "antd";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { FullPageSpin } from "../../components/FullPageSpin.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { AuditTrail } from "../audit/AuditTrail.tsx";
import { intakeApi } from "./api.ts";
import { BoxesTab } from "./BoxesTab.tsx";
import { ConditionsTab } from "./ConditionsTab.tsx";
import { HandoverTab } from "./HandoverTab.tsx";
import { ItemsTab } from "./ItemsTab.tsx";
import { STATE } from "./labels.ts";
import { StepActions } from "./StepActions.tsx";
import { StepRecords, StepsBar } from "./StepsTimeline.tsx";

const TABS = ["records", "boxes", "items", "conditions", "handover", "audit"] as const;
/** Steps with per-box work open on the boxes; the others on the step records. */
const BOX_WORK = ["boxing", "sealing", "inspection", "shelving"];

export function BatchPage() {
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const { t, pick } = useI18n();
  const i = t.intake;
  const batch = useQuery(() => intakeApi.get(id), [id]);
  const asked = params.get("tab") ?? "";

  if (batch.error && !batch.data)
    return batch.error.status === 404 ? (
      <Result status="404" title={i.notFound} extra={<Link to="/intake">{t.common.back}</Link>} />
    ) : (
      <ErrorAlert error={batch.error} />
    );
  const b = batch.data;
  if (!b) return <FullPageSpin />;
  const reload = batch.reload;
  const tab = (TABS as readonly string[]).includes(asked)
    ? asked
    : BOX_WORK.includes(b.status)
      ? "boxes"
      : "records";
  const openAnomalies = b.anomalies.filter((a) => a.status !== "closed").length;

  const labels: Record<(typeof TABS)[number], string> = {
    records: i.tabRecords(b.steps.length),
    boxes: i.tabBoxes(b.boxes.filter((x) => x.status !== "returned_to_client").length),
    items: i.tabItems(b.itemCount),
    conditions: i.tabConditions,
    handover: openAnomalies ? i.tabHandoverOpen(openAnomalies) : i.tabHandover,
    audit: t.projects.tabAudit,
  };
  const content = {
    records: () => <StepRecords batch={b} />,
    boxes: () => <BoxesTab batch={b} onChanged={reload} />,
    items: () => <ItemsTab batch={b} onChanged={reload} />,
    conditions: () => <ConditionsTab batch={b} onChanged={reload} />,
    handover: () => <HandoverTab batch={b} onChanged={reload} />,
    audit: () => <AuditTrail entityType={"intake_batch" as never} entityId={b.id} />,
  };

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/intake">{i.listTitle}</Link> }, { title: b.code }]}
      />
      <PageHeader
        title={b.title}
        tags={
          <Tag color={STATE[b.status].color} data-status={b.status}>
            {pick(STATE[b.status])}
          </Tag>
        }
        subtitle={
          <Typography.Text type="secondary">
            <span className="mono">{b.code}</span> ·{" "}
            <Link to={`/projects/${b.projectId}`}>{b.projectName}</Link> · {b.clientName} → {b.agencyName}
          </Typography.Text>
        }
        extra={
          <Button
            icon={<FilePdfOutlined />}
            href={intakeApi.labelsUrl(b.id)}
            target="_blank"
            disabled={!b.boxes.length}
          >
            {i.labels}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }} title={i.progress}>
        <StepsBar batch={b} />
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {i.nextActions}
        </Typography.Title>
        <StepActions batch={b} onChanged={reload} />
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          destroyOnHidden
          items={TABS.map((key) => ({
            key,
            label: <Space size={4}>{labels[key]}</Space>,
            children: key === tab ? content[key]() : null,
          }))}
        />
      </Card>
    </>
  );
}
