// A project's final acceptance (G-11, Z-8.2): the checklist from the modules'
// records with every open point, the client's verdict — passing only with
// nothing open, failing with a rectification order — and the earlier rounds.
import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import type { ProjectDetail } from "../../api/types.ts";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDate, formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import type { OrderStatus } from "../oversight/api.ts";
import { ORDER_STATUS } from "../oversight/labels.ts";
import { type AcceptanceItem, type AcceptanceRound, acceptanceApi } from "./api.ts";

export function AcceptanceTab({ project, onChanged }: { project: ProjectDetail; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const a = t.acceptance;
  const notify = useNotify();
  const view = useQuery(() => acceptanceApi.get(project.id), [project.id]);
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const [failing, setFailing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{
    requirement: string;
    deadline?: { format(f: string): string };
    note?: string;
  }>();
  const d = view.data;
  const items = (d?.items ?? []).map((i) => (i.manual ? { ...i, ok: confirmed.includes(i.key) } : i));
  const allOk = items.length > 0 && items.every((i) => i.ok);

  const record = async (body: Parameters<typeof acceptanceApi.record>[1]) => {
    setBusy(true);
    try {
      await acceptanceApi.record(project.id, body);
      notify.success(a.recorded);
      setFailing(false);
      form.resetFields();
      view.reload();
      onChanged();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <ErrorAlert error={view.error} />
      <Typography.Text type="secondary">{a.checklistHint}</Typography.Text>
      <List<AcceptanceItem>
        bordered
        loading={!d && !view.error}
        dataSource={items}
        renderItem={(i) => (
          <List.Item
            data-testid={`acceptance-item-${i.key}`}
            extra={
              i.manual && d?.canAccept ? (
                <Checkbox
                  checked={confirmed.includes(i.key)}
                  onChange={(e) =>
                    setConfirmed((c) => (e.target.checked ? [...c, i.key] : c.filter((k) => k !== i.key)))
                  }
                >
                  {a.confirmManual}
                </Checkbox>
              ) : null
            }
          >
            <List.Item.Meta
              avatar={
                i.ok ? (
                  <CheckCircleFilled style={{ color: "#52c41a", fontSize: 18 }} />
                ) : (
                  <CloseCircleFilled style={{ color: "#ff4d4f", fontSize: 18 }} />
                )
              }
              title={
                <Space size={6}>
                  {pick(i.label)}
                  <ClauseTag id={i.clause} />
                  {i.manual && <Tag>{a.manual}</Tag>}
                </Space>
              }
              description={
                i.open.length > 0 ? (
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {i.open.slice(0, 8).map((o) => (
                      <li key={o.zh}>{pick(o)}</li>
                    ))}
                    {i.open.length > 8 && <li>… +{i.open.length - 8}</li>}
                  </ul>
                ) : i.ok ? (
                  a.ok
                ) : (
                  a.open
                )
              }
            />
          </List.Item>
        )}
      />
      {d && !d.canAccept && d.projectStatus !== "active" && (
        <Alert type="info" showIcon title={a.notActive} />
      )}
      {d?.canAccept && (
        <Space>
          <Popconfirm
            title={a.passConfirm}
            onConfirm={() => record({ verdict: "passed", confirmed })}
            disabled={!allOk}
          >
            <Button type="primary" disabled={!allOk} loading={busy} data-testid="acceptance-pass">
              {a.pass}
            </Button>
          </Popconfirm>
          <Button danger onClick={() => setFailing(true)} data-testid="acceptance-fail">
            {a.fail}
          </Button>
        </Space>
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {a.history}
      </Typography.Title>
      <Table<AcceptanceRound>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={d?.history ?? []}
        locale={{ emptyText: <EmptyState text={a.historyEmpty} /> }}
        columns={[
          { title: a.round, dataIndex: "round", width: 70 },
          {
            title: a.verdict,
            dataIndex: "verdict",
            width: 100,
            render: (v: string) =>
              v === "passed" ? <Tag color="green">{a.passed}</Tag> : <Tag color="red">{a.failed}</Tag>,
          },
          {
            title: a.decidedAt,
            dataIndex: "decidedAt",
            width: 170,
            render: (x: string) => formatDateTime(x),
          },
          { title: a.decidedBy, dataIndex: "decidedByName", width: 120 },
          { title: a.note, dataIndex: "note", render: (x: string | null) => x ?? "—" },
          {
            title: a.order,
            render: (_, r) =>
              r.orderId ? (
                <Link to={`/oversight/rectifications/${r.orderId}`}>
                  {ORDER_STATUS[r.orderStatus as OrderStatus]
                    ? pick(ORDER_STATUS[r.orderStatus as OrderStatus])
                    : r.orderStatus}{" "}
                  · {formatDate(r.orderDeadline ?? "")}
                </Link>
              ) : (
                "—"
              ),
          },
        ]}
      />
      <Modal
        open={failing}
        title={a.failTitle}
        okText={a.fail}
        okButtonProps={{ danger: true, loading: busy, id: "acceptance-fail-submit" }}
        onCancel={() => setFailing(false)}
        onOk={async () => {
          const v = await form.validateFields();
          await record({
            verdict: "failed",
            confirmed,
            requirement: v.requirement,
            ...(v.note ? { note: v.note } : {}),
            ...(v.deadline ? { deadline: v.deadline.format("YYYY-MM-DD") } : {}),
          });
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="requirement" label={a.requirement} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} data-testid="acceptance-requirement" />
          </Form.Item>
          <Form.Item name="deadline" label={a.deadline} extra={a.deadlineHint}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label={a.note}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
