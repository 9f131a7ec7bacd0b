// Registers a sensor in a vault; the response carries its credentials, which
// the caller shows once.
import { Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { type ApiError, asApiError } from "../../api/client.ts";
import { applyIssues } from "../../components/applyIssues.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { environmentApi, type Zone } from "./api.ts";
import type { Credentials } from "./CredentialsModal.tsx";
import { ZONE } from "./labels.ts";

interface Values {
  code: string;
  name: string;
  zone?: Zone;
}

export function AddSensorModal(props: {
  vaultId: string;
  open: boolean;
  onClose: (created?: Credentials) => void;
}) {
  const { t, pick } = useI18n();
  const e = t.environment;
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const r = await environmentApi.addSensor(props.vaultId, {
        code: v.code,
        name: v.name,
        zone: v.zone ?? null,
      });
      props.onClose({ code: r.sensor.code, secret: r.secret, token: r.token });
    } catch (err) {
      const api = asApiError(err);
      setError(api);
      applyIssues(form, api, ["code", "name", "zone"], pick);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={e.addSensor}
      onCancel={() => props.onClose()}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={t.common.save}
      cancelText={t.common.cancel}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="code"
          label={e.code}
          extra={e.sensorCodeHelp}
          rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/ }]}
        >
          <Input className="mono" placeholder="A-TH-01" />
        </Form.Item>
        <Form.Item name="name" label={e.name} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input placeholder="一号库东墙温湿度计" />
        </Form.Item>
        <Form.Item name="zone" label={e.zone} extra={e.zoneHelp}>
          <Select
            allowClear
            options={(Object.keys(ZONE) as Zone[]).map((z) => ({ value: z, label: pick(ZONE[z]) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
