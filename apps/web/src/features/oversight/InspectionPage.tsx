// An inspection: the checklist pre-filled from the system's data, findings
// citing a clause and a severity, evidence files, and the regulator's orders.
import { Button, Card, Descriptions, Form, Input, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { AttachmentsPanel } from "../attachments/AttachmentsPanel.tsx";
import { type Finding, oversightApi } from "./api.ts";
import { ChecklistTable } from "./ChecklistTable.tsx";
import { NoticeModal, OrderModal } from "./FindingActions.tsx";
import { KIND, SEVERITY } from "./labels.ts";

export function InspectionPage() {
  const { id = "" } = useParams();
  const { t, pick } = useI18n();
  const o = t.oversight;
  const notify = useNotify();
  const q = useQuery(() => oversightApi.inspection(id), [id]);
  const [ordering, setOrdering] = useState<string>();
  const [noticing, setNoticing] = useState<string>();
  const [form] = Form.useForm();
  const i = q.data;
  if (!i) return <ErrorAlert error={q.error} />;
  const open = i.items.filter((x) => x.result === "unanswered").length;
  return (
    <>
      <PageHeader title={i.title} subtitle={`${i.projectCode} ${i.projectName}`} />
      <ErrorAlert error={q.error} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 4 }}>
          <Descriptions.Item label={o.kind}>{pick(KIND[i.kind])}</Descriptions.Item>
          <Descriptions.Item label={o.inspector}>{i.inspectorName}</Descriptions.Item>
          <Descriptions.Item label={o.addresseeAgency}>{i.agencyName}</Descriptions.Item>
          <Descriptions.Item label={o.status}>
            {i.status === "completed" ? (
              <Tag color="green">{o.completed}</Tag>
            ) : (
              <Tag color="blue">{o.inProgress}</Tag>
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={o.checklist}
        style={{ marginBottom: 16 }}
        extra={
          i.permissions.work && (
            <Button
              type="primary"
              data-testid="complete-inspection"
              onClick={async () => {
                try {
                  await oversightApi.complete(id);
                  notify.success(o.completedOk);
                  q.reload();
                } catch (e) {
                  notify.error(e);
                }
              }}
            >
              {o.complete} {open > 0 ? `(${open})` : ""}
            </Button>
          )
        }
      >
        <ChecklistTable id={id} items={i.items} work={i.permissions.work} onChange={q.reload} />
      </Card>
      <Card title={o.findings} style={{ marginBottom: 16 }}>
        {i.permissions.work && (
          <Form
            form={form}
            layout="inline"
            style={{ marginBottom: 12, rowGap: 8 }}
            initialValues={{ severity: "major" }}
            onFinish={async (v) => {
              try {
                await oversightApi.addFinding(id, v);
                form.resetFields(["description"]);
                q.reload();
              } catch (e) {
                notify.error(e);
              }
            }}
          >
            <Form.Item name="clause" rules={[{ required: true }]}>
              <Select
                showSearch
                placeholder={o.clause}
                style={{ width: 120 }}
                data-testid="finding-clause"
                options={i.items.map((x) => ({ value: x.clauseId, label: x.clauseId }))}
              />
            </Form.Item>
            <Form.Item name="severity">
              <Select
                style={{ width: 100 }}
                options={Object.entries(SEVERITY).map(([value, l]) => ({ value, label: pick(l) }))}
              />
            </Form.Item>
            <Form.Item name="description" rules={[{ required: true }]}>
              <Input placeholder={o.description} style={{ width: 360 }} data-testid="finding-description" />
            </Form.Item>
            <Button htmlType="submit" data-testid="add-finding">
              {o.addFinding}
            </Button>
          </Form>
        )}
        <Table<Finding>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={i.findings}
          columns={[
            { title: o.clause, width: 90, render: (_, f) => <ClauseTag id={f.clauseId} /> },
            {
              title: o.severity,
              width: 80,
              render: (_, f) => <Tag color={SEVERITY[f.severity].color}>{pick(SEVERITY[f.severity])}</Tag>,
            },
            { title: o.description, dataIndex: "description" },
            {
              title: t.common.actions,
              width: 240,
              render: (_, f) => (
                <Space>
                  {f.orderId ? (
                    <Link to={`/oversight/rectifications/${f.orderId}`}>{o.order}</Link>
                  ) : (
                    i.permissions.regulate && (
                      <Button size="small" data-testid="issue-order" onClick={() => setOrdering(f.id)}>
                        {o.issueOrder}
                      </Button>
                    )
                  )}
                  {f.noticeId ? (
                    <Tag>{o.published}</Tag>
                  ) : (
                    i.permissions.regulate &&
                    f.severity !== "minor" && (
                      <Button size="small" onClick={() => setNoticing(f.id)}>
                        {o.publishNotice}
                      </Button>
                    )
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title={o.evidenceFiles}>
        <AttachmentsPanel entityType="inspection" entityId={id} canUpload={i.permissions.work} />
      </Card>
      {ordering && <OrderModal findingId={ordering} onClose={() => setOrdering(undefined)} />}
      {noticing && (
        <NoticeModal
          findingId={noticing}
          onClose={() => setNoticing(undefined)}
          onDone={() => {
            setNoticing(undefined);
            q.reload();
          }}
        />
      )}
    </>
  );
}
