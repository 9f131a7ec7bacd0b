// An agency's own limits for one zone: empty keeps the standard's figure; the
// server refuses anything looser than the standard (D-9.4, D-9.5).
import { Col, Form, InputNumber, Modal, Row, Typography } from "antd";
import { useEffect, useState } from "react";
import { type ApiError, asApiError } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { environmentApi, type LimitOverride, type Limits, type Zone } from "./api.ts";
import { ZONE } from "./labels.ts";

export interface EditTarget {
  zone: Zone;
  base: Limits;
  override: LimitOverride;
}

const FIELDS: { name: keyof LimitOverride; base: (l: Limits) => number; unit: string }[] = [
  { name: "temperatureMin", base: (l) => l.temperatureC.min.value, unit: "°C" },
  { name: "temperatureMax", base: (l) => l.temperatureC.max.value, unit: "°C" },
  { name: "humidityMin", base: (l) => l.humidityPct.min.value, unit: "%" },
  { name: "humidityMax", base: (l) => l.humidityPct.max.value, unit: "%" },
  { name: "swingTemperatureC", base: (l) => l.swing.temperatureC.value, unit: "±°C" },
  { name: "swingHumidityPct", base: (l) => l.swing.humidityPct.value, unit: "±%" },
  { name: "maxLux", base: (l) => l.maxLux.value, unit: "lx" },
];

export function LimitsEditModal(props: {
  agencyId: string;
  target: EditTarget | undefined;
  onClose: (saved: boolean) => void;
}) {
  const { t, pick, lang } = useI18n();
  const e = t.environment;
  const notify = useNotify();
  const [form] = Form.useForm<LimitOverride>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    if (props.target) form.setFieldsValue(props.target.override);
    setError(undefined);
  }, [props.target, form]);
  const label: Record<keyof LimitOverride, string> = {
    temperatureMin: `${e.tempRange} ${lang === "zh" ? "下限" : "min"}`,
    temperatureMax: `${e.tempRange} ${lang === "zh" ? "上限" : "max"}`,
    humidityMin: `${e.humidityRange} ${lang === "zh" ? "下限" : "min"}`,
    humidityMax: `${e.humidityRange} ${lang === "zh" ? "上限" : "max"}`,
    swingTemperatureC: `${e.swing} (${e.tempRange})`,
    swingHumidityPct: `${e.swing} (${e.humidityRange})`,
    maxLux: e.maxLux,
  };

  const submit = async () => {
    const v = await form.validateFields();
    const body = Object.fromEntries(
      FIELDS.map((f) => [f.name, v[f.name] ?? null]),
    ) as unknown as LimitOverride;
    setBusy(true);
    setError(undefined);
    try {
      await environmentApi.setLimits(props.agencyId, props.target!.zone, body);
      notify.success(e.limitsSaved);
      props.onClose(true);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!props.target}
      title={props.target ? `${e.editLimits} · ${pick(ZONE[props.target.zone])}` : e.editLimits}
      onCancel={() => props.onClose(false)}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={t.common.save}
      cancelText={t.common.cancel}
      width={620}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{e.limitsHelp}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical">
        <Row gutter={16}>
          {FIELDS.map((f) => (
            <Col span={12} key={f.name}>
              <Form.Item
                name={f.name}
                label={label[f.name]}
                extra={props.target && e.standardValue(`${f.base(props.target.base)} ${f.unit}`)}
              >
                <InputNumber style={{ width: "100%" }} step={0.5} addonAfter={f.unit} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
