// A new inventory plan (D-9.8): vault, scope (all clients or one), method,
// period (six months at most) and the next due date, with the requirements.
import { DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { type ApiError, asApiError } from "../../api/client.ts";
import { applyIssues } from "../../components/applyIssues.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type InventoryMethod, type InventoryOptions, inventoryApi } from "./api.ts";
import { METHOD } from "./labels.ts";

interface Values {
  vaultId: string;
  title: string;
  method: InventoryMethod;
  clientOrgId?: string;
  periodMonths: number;
  nextDueOn: Dayjs;
  requirements?: string;
}
const FIELDS = [
  "vaultId",
  "title",
  "method",
  "clientOrgId",
  "periodMonths",
  "nextDueOn",
  "requirements",
] as const;

export function PlanModal({
  open,
  options,
  onClose,
  onCreated,
}: {
  open: boolean;
  options: InventoryOptions | undefined;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t, pick } = useI18n();
  const i = t.inventory;
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch("method", form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await inventoryApi.createPlan({
        vaultId: v.vaultId,
        title: v.title.trim(),
        method: v.method,
        periodMonths: v.periodMonths,
        nextDueOn: v.nextDueOn.format("YYYY-MM-DD"),
        ...(v.clientOrgId ? { clientOrgId: v.clientOrgId } : {}),
        ...(v.requirements?.trim() ? { requirements: v.requirements.trim() } : {}),
      });
      notify.success(i.planCreated);
      onCreated();
    } catch (e) {
      const err = asApiError(e);
      setError(err);
      applyIssues(form, err, FIELDS, pick);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={i.newPlan}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={t.common.save}
      cancelText={t.common.cancel}
      width={620}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        name="inventory-plan"
        layout="vertical"
        preserve={false}
        initialValues={{ method: "full", periodMonths: 6, nextDueOn: dayjs().add(1, "month").endOf("month") }}
      >
        <Form.Item name="vaultId" label={i.vault} rules={[{ required: true }]}>
          <Select
            options={(options?.vaults ?? []).map((v) => ({ value: v.id, label: `${v.code} ${v.name}` }))}
          />
        </Form.Item>
        <Form.Item name="title" label={i.planTitle} rules={[{ required: true, max: 200, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="method" label={i.method} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={(Object.keys(METHOD) as InventoryMethod[]).map((m) => ({
              value: m,
              label: pick(METHOD[m]),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="clientOrgId"
          label={i.scopeClient}
          extra={method === "by_client" ? undefined : i.scopeAll}
          rules={[{ required: method === "by_client" }]}
        >
          <Select
            allowClear
            options={(options?.clients ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="periodMonths" label={i.period} extra={i.periodHelp} rules={[{ required: true }]}>
          <InputNumber min={1} max={6} suffix={i.months} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="nextDueOn" label={i.nextDueOn} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="requirements" label={i.requirements} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={3} placeholder={i.requirementsPlaceholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
