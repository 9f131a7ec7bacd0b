// D-9.4: a keeper or manager acknowledges an alert with a note saying what
// happened and what was done.
import { Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { type ApiError, asApiError } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type Alert, environmentApi } from "./api.ts";
import { ALERT_KIND } from "./labels.ts";

export function AcknowledgeModal({
  alert,
  onClose,
}: {
  alert: Alert | undefined;
  onClose: (done: boolean) => void;
}) {
  const { t, pick } = useI18n();
  const e = t.environment;
  const notify = useNotify();
  const [form] = Form.useForm<{ note: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async () => {
    if (!alert) return;
    const { note } = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await environmentApi.acknowledge(alert.id, note);
      notify.success(e.acknowledged);
      onClose(true);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!alert}
      title={e.acknowledgeTitle}
      onCancel={() => onClose(false)}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={e.acknowledge}
      cancelText={t.common.cancel}
      destroyOnHidden
    >
      {alert && (
        <Typography.Paragraph>
          {alert.vaultCode} {alert.vaultName} · {pick(ALERT_KIND[alert.kind])} · {alert.occurrences}×
        </Typography.Paragraph>
      )}
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="note"
          label={e.note}
          extra={e.noteHelp}
          rules={[{ required: true, whitespace: true, max: 2000 }]}
        >
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
