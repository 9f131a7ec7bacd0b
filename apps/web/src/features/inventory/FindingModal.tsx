// D-9.8: pests, mould or the like seen on a box — recorded with an incident at once.
import { Alert, Form, Input, Modal, Radio } from "antd";
import { useState } from "react";
import { type ApiError, asApiError } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { inventoryApi, type TreatmentKind } from "./api.ts";
import { TREATMENT } from "./labels.ts";

interface Values {
  barcode: string;
  kind: TreatmentKind;
  note: string;
}

export function FindingModal({
  checkId,
  open,
  barcode,
  onClose,
  onRecorded,
}: {
  checkId: string;
  open: boolean;
  barcode: string | undefined;
  onClose: () => void;
  onRecorded: () => void;
}) {
  const { t, pick } = useI18n();
  const i = t.inventory;
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await inventoryApi.finding(checkId, { barcode: v.barcode.trim(), kind: v.kind, note: v.note.trim() });
      notify.success(i.findingRecorded);
      onRecorded();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={i.findingTitle}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={t.common.save}
      cancelText={t.common.cancel}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={i.findingHelp} style={{ marginBottom: 16 }} />
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        name="finding"
        layout="vertical"
        preserve={false}
        initialValues={{ kind: "mould", barcode }}
      >
        <Form.Item name="barcode" label={i.boxBarcode} rules={[{ required: true, whitespace: true }]}>
          <Input className="mono" />
        </Form.Item>
        <Form.Item name="kind" label={i.findingKind} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={(Object.keys(TREATMENT) as TreatmentKind[]).map((k) => ({
              value: k,
              label: pick(TREATMENT[k]),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={i.findingNote}
          rules={[{ required: true, whitespace: true, max: 2000 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
