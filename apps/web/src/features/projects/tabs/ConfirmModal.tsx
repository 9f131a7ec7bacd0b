// Confirm an attachment's exact content for my organisation (POST /api/confirmations).
import { Alert, AutoComplete, Form, Modal, Select } from "antd";
import { useState } from "react";
import { type ApiError, asApiError } from "../../../api/client.ts";
import { confirmationsApi } from "../../../api/endpoints.ts";
import type { Attachment } from "../../../api/types.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { useNotify } from "../../../components/useNotify.tsx";
import { formatDateTime } from "../../../i18n/format.ts";
import { useI18n } from "../../../i18n/LocaleContext.tsx";

interface Values {
  attachmentId: string;
  documentKind: string;
}

export function ConfirmModal({
  open,
  projectId,
  attachments,
  onClose,
  onConfirmed,
}: {
  open: boolean;
  projectId: string;
  attachments: Attachment[];
  onClose: () => void;
  onConfirmed: () => void;
}) {
  const { t } = useI18n();
  const a = t.attachments;
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await confirmationsApi.confirm({
        entityType: "project",
        entityId: projectId,
        attachmentId: v.attachmentId,
        documentKind: v.documentKind.trim(),
      });
      notify.success(a.confirmed);
      onConfirmed();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={a.confirm}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={a.confirm}
      cancelText={t.common.cancel}
      width={600}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      {attachments.length === 0 && (
        <Alert type="warning" showIcon title={a.needAttachment} style={{ marginBottom: 16 }} />
      )}
      <Form<Values> form={form} name="confirm" layout="vertical" preserve={false}>
        <Form.Item name="attachmentId" label={a.document} rules={[{ required: true }]}>
          <Select
            options={attachments.map((f) => ({
              value: f.id,
              label: `${f.filename}${f.label ? ` · ${f.label}` : ""} (${formatDateTime(f.createdAt)})`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="documentKind"
          label={a.documentKind}
          rules={[{ required: true, whitespace: true, max: 60 }]}
        >
          <AutoComplete
            placeholder={a.documentKindPlaceholder}
            options={[a.kindContract, a.kindHandover, a.kindAcceptance, a.kindInventory].map((value) => ({
              value,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
