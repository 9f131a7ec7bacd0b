// Per-volume actions: stop at once on classified content or damage (Z-7.3), and
// the agency's condition record on receipt or return (Z-6.4).
import { Button, Form, Input, Modal, Select, Space } from "antd";
import { useState } from "react";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { CONDITION, originalsApi, type Permissions, STOP_REASON, type Volume } from "./api.ts";

export function VolumeActions({
  volume,
  may,
  onDone,
}: {
  volume: Volume;
  may: Permissions;
  onDone: () => void;
}) {
  const { t, pick } = useI18n();
  const m = t.digitizationOriginals;
  const notify = useNotify();
  const [open, setOpen] = useState<"stop" | "condition" | null>(null);
  const [form] = Form.useForm();
  const inWork = volume.status === "at_agency" && !volume.withdrawnAt;
  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (open === "stop") await originalsApi.stop(volume.id, v);
      else await originalsApi.condition(volume.id, v);
      notify.success(m.saved);
      setOpen(null);
      form.resetFields();
      onDone();
    } catch (e) {
      notify.error(e);
    }
  };
  return (
    <Space size={4}>
      {may.stop && inWork && !volume.openStopId && (
        <Button size="small" danger type="link" onClick={() => setOpen("stop")}>
          {m.stopVolume}
        </Button>
      )}
      {may.work && inWork && (
        <Button size="small" type="link" onClick={() => setOpen("condition")}>
          {m.condition}
        </Button>
      )}
      <Modal
        open={open !== null}
        title={`${open === "stop" ? m.stopVolume : m.condition} · ${volume.referenceCode}`}
        onCancel={() => setOpen(null)}
        onOk={submit}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {open === "stop" ? (
            <>
              <Form.Item name="reason" label={m.stopReason} rules={[{ required: true }]}>
                <Select
                  options={Object.entries(STOP_REASON).map(([value, l]) => ({ value, label: pick(l) }))}
                />
              </Form.Item>
              <Form.Item name="description" label={m.stopDescription} rules={[{ required: true }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="evidence" label={m.stopEvidence}>
                <Input />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="stage" label={m.conditionStage} rules={[{ required: true }]}>
                <Select
                  options={[
                    { value: "receipt", label: m.receipt },
                    { value: "return", label: m.onReturn },
                  ]}
                />
              </Form.Item>
              <Form.Item name="condition" label={m.condition} rules={[{ required: true }]}>
                <Select
                  options={Object.entries(CONDITION).map(([value, l]) => ({ value, label: pick(l) }))}
                />
              </Form.Item>
              <Form.Item name="note" label={m.note}>
                <Input />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
