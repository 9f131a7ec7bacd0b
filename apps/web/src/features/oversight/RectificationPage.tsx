// A rectification order (G-7): the requirement and deadline, the evidence, the
// responses and decisions; the addressee responds, the regulator decides.
import { Alert, Button, Card, Descriptions, Form, Input, Space, Timeline, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { AttachmentsPanel } from "../attachments/AttachmentsPanel.tsx";
import { oversightApi } from "./api.ts";
import { OrderStatusTag } from "./OrdersTab.tsx";

export function RectificationPage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const o = t.oversight;
  const notify = useNotify();
  const q = useQuery(() => oversightApi.order(id), [id]);
  const [respondForm] = Form.useForm();
  const [decideForm] = Form.useForm();
  const r = q.data;
  if (!r) return <ErrorAlert error={q.error} />;
  const can = (a: string) => r.nextActions.some((x) => x.action === a);
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      q.reload();
    } catch (e) {
      notify.error(e);
    }
  };
  return (
    <>
      <PageHeader title={o.order} subtitle={`${r.projectCode} ${r.projectName}`} />
      {r.overdue && (
        <Alert
          type="error"
          showIcon
          title={`${o.overdue}：${o.deadline} ${r.deadline}`}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={o.status}>
            <span data-testid="order-status">
              <OrderStatusTag o={r} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={o.deadline}>{r.deadline}</Descriptions.Item>
          <Descriptions.Item label={o.clause}>
            <ClauseTag id={r.clauseId} />
          </Descriptions.Item>
          <Descriptions.Item label={o.inspector}>{r.issuerName}</Descriptions.Item>
          <Descriptions.Item label={o.addressee}>
            {r.addressee === "agency"
              ? `${o.addresseeAgency} ${r.agencyName}`
              : `${o.addresseeClient} ${r.clientName}`}
          </Descriptions.Item>
          <Descriptions.Item label={o.checklist}>
            <Link to={`/oversight/inspections/${r.inspectionId}`}>{o.openInspection}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={o.requirement} span={3}>
            {r.requirement}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={o.evidenceFiles}
        extra={<Typography.Text type="secondary">{o.evidenceHelp}</Typography.Text>}
        style={{ marginBottom: 16 }}
      >
        <AttachmentsPanel
          entityType="rectification_order"
          entityId={id}
          canUpload={r.permissions.attach && r.status !== "accepted"}
        />
      </Card>
      <Card title={o.responses}>
        <Timeline
          items={r.responses.map((s) => ({
            color: s.decision === "accepted" ? "green" : s.decision === "rejected" ? "red" : "blue",
            content: (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{s.response}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.responderName} · {formatDateTime(s.respondedAt)}
                </Typography.Text>
                {s.decision && (
                  <Typography.Text type={s.decision === "accepted" ? "success" : "danger"}>
                    {s.decision === "accepted" ? o.accept : o.reject}
                    {s.decisionNote ? `：${s.decisionNote}` : ""} ({s.deciderName})
                  </Typography.Text>
                )}
              </Space>
            ),
          }))}
        />
        {can("respond") && (
          <Form
            form={respondForm}
            layout="vertical"
            onFinish={(v) => run(() => oversightApi.respond(id, v.response))}
          >
            <Form.Item name="response" label={o.response} rules={[{ required: true }]}>
              <Input.TextArea rows={3} data-testid="order-response" />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="submit-response">
              {o.respond}
            </Button>
          </Form>
        )}
        {can("accept") && (
          <Form form={decideForm} layout="vertical">
            <Form.Item name="note" label={o.decisionNote}>
              <Input.TextArea rows={2} data-testid="decision-note" />
            </Form.Item>
            <Space>
              <Button
                type="primary"
                data-testid="accept-order"
                onClick={() => run(() => oversightApi.decide(id, "accept", decideForm.getFieldValue("note")))}
              >
                {o.accept}
              </Button>
              <Button
                danger
                onClick={() => run(() => oversightApi.decide(id, "reject", decideForm.getFieldValue("note")))}
              >
                {o.reject}
              </Button>
            </Space>
          </Form>
        )}
      </Card>
    </>
  );
}
