// Starting a check: the staff who go into the vault together (D-9.9).
import { Form, Input, Modal, Select, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { type ApiError, asApiError } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type InventoryOptions, type InventoryPlan, inventoryApi } from "./api.ts";

interface Values {
  staffUserIds: string[];
  note?: string;
}

export function StartCheckModal({
  plan,
  options,
  onClose,
}: {
  plan: InventoryPlan | null;
  options: InventoryOptions | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const i = t.inventory;
  const notify = useNotify();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async () => {
    if (!plan) return;
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const r = await inventoryApi.start({
        planId: plan.id,
        staffUserIds: v.staffUserIds,
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      notify.success(i.started);
      navigate(`/inventory/checks/${r.id}`);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!plan}
      title={i.startTitle}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={i.startCheck}
      cancelText={t.common.cancel}
      destroyOnHidden
    >
      {plan && (
        <Typography.Paragraph>
          <span className="mono">{plan.vaultCode}</span> · {plan.title}
        </Typography.Paragraph>
      )}
      <ErrorAlert error={error} />
      <Form<Values> form={form} name="start-check" layout="vertical" preserve={false}>
        <Form.Item
          name="staffUserIds"
          label={i.staff}
          extra={i.staffHelp}
          rules={[{ required: true, type: "array", min: 2, message: i.staffMin }]}
        >
          <Select
            mode="multiple"
            options={(options?.staff ?? []).map((s) => ({ value: s.id, label: s.displayName }))}
          />
        </Form.Item>
        <Form.Item name="note" label={i.note} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
