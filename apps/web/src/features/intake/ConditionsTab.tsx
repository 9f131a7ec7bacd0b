// D-8.4: every condition record of the batch (per box or item) and the
// treatment that cleared it; a box with an untreated problem stays held.
import { Button, DatePicker, Form, Input, Modal, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { type ApiError, asApiError } from "../../api/client.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { formatDate, formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type BatchDetail, type ConditionRecord, intakeApi } from "./api.ts";
import { CONDITION } from "./labels.ts";

function TreatmentModal({
  record,
  onClose,
  onDone,
}: {
  record: ConditionRecord;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const i = t.intake;
  const notify = useNotify();
  const [form] = Form.useForm<{ method: string; treatedOn: Dayjs; treatedBy: string; note?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  return (
    <Modal
      open
      title={i.recordTreatment}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.confirm}
      cancelText={t.common.cancel}
      confirmLoading={busy}
    >
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ treatedOn: dayjs() }}
        onFinish={async (v) => {
          setBusy(true);
          try {
            await intakeApi.treat(record.id, {
              method: v.method.trim(),
              treatedOn: v.treatedOn.format("YYYY-MM-DD"),
              treatedBy: v.treatedBy.trim(),
              ...(v.note?.trim() ? { note: v.note.trim() } : {}),
            });
            notify.success(i.treatmentRecorded);
            onDone();
          } catch (e) {
            setError(asApiError(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          name="method"
          label={i.treatmentMethod}
          rules={[{ required: true, message: t.common.required }]}
        >
          <Input maxLength={200} placeholder={i.treatmentMethodPlaceholder} />
        </Form.Item>
        <Form.Item name="treatedOn" label={i.treatedOn} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="treatedBy"
          label={i.treatedBy}
          rules={[{ required: true, message: t.common.required }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label={i.note}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ConditionsTab({ batch, onChanged }: { batch: BatchDetail; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const i = t.intake;
  const [treating, setTreating] = useState<ConditionRecord | null>(null);
  const columns: ColumnsType<ConditionRecord> = [
    { title: i.checkedAt, dataIndex: "checkedAt", width: 150, render: (d: string) => formatDateTime(d) },
    {
      title: i.target,
      render: (_, r) => (r.boxNo ? `${i.boxNo} ${r.boxNo}` : `${r.referenceCode ?? ""} ${r.itemTitle ?? ""}`),
    },
    {
      title: i.condition,
      dataIndex: "condition",
      width: 110,
      render: (c: ConditionRecord["condition"]) => <Tag color={CONDITION[c].color}>{pick(CONDITION[c])}</Tag>,
    },
    { title: i.note, dataIndex: "note", render: (n: string | null) => n ?? "—" },
    { title: i.checkedBy, dataIndex: "checkedByName", width: 90, render: (n: string | null) => n ?? "—" },
    {
      title: i.treatment,
      width: 260,
      render: (_, r) =>
        r.condition === "good" ? (
          "—"
        ) : r.treatmentId ? (
          <Typography.Text>
            {i.treatedSummary(r.treatmentMethod ?? "", formatDate(r.treatedOn), r.treatedBy ?? "")}
          </Typography.Text>
        ) : batch.permissions.recordCondition ? (
          <Button size="small" danger onClick={() => setTreating(r)}>
            {i.recordTreatment}
          </Button>
        ) : (
          <Tag color="error">{i.untreated}</Tag>
        ),
    },
  ];
  return (
    <div data-testid="conditions-tab">
      <Typography.Paragraph type="secondary">{i.conditionsIntro}</Typography.Paragraph>
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={batch.conditions}
        pagination={batch.conditions.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: <EmptyState text={i.noConditions} /> }}
      />
      {treating && (
        <TreatmentModal
          record={treating}
          onClose={() => setTreating(null)}
          onDone={() => {
            setTreating(null);
            onChanged();
          }}
        />
      )}
    </div>
  );
}
