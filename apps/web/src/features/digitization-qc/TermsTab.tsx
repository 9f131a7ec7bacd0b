// The project's quality terms beside the national figures, each with its
// source and whether it is verified; the client sets stricter contract terms
// (a looser one is refused by the server, Z-7.4).
import { Alert, Button, Form, Input, InputNumber, Select, Table, Tag } from "antd";
import { useState } from "react";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { qcApi, type Terms } from "./api.ts";

const KEYS: (keyof Terms)[] = [
  "minDpi",
  "formats",
  "colourModes",
  "maxSkewDeg",
  "blankInkPct",
  "sampleRatePct",
  "criticalMax",
  "majorMaxPct",
  "minorMaxPct",
];
const show = (v: unknown) => (Array.isArray(v) ? v.join(", ") : String(v));

export function TermsTab({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const m = t.digitizationQc;
  const notify = useNotify();
  const q = useQuery((s) => qcApi.terms(projectId, s), [projectId]);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  const d = q.data;
  const status = (s: string) =>
    s === "unverified" ? (
      <Tag color="orange">{m.unverified}</Tag>
    ) : s === "S" ? (
      <Tag color="blue">{m.secondHand}</Tag>
    ) : (
      <Tag color="green">{m.standardText}</Tag>
    );
  return (
    <>
      <ErrorAlert error={q.error} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={
          <>
            {m.termsRule} <ClauseTag id="Z-7.4" />
          </>
        }
      />
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        loading={q.loading}
        dataSource={d ? KEYS.map((key) => ({ key, ...d.sources[key] })) : []}
        columns={[
          { title: m.term, width: 200, render: (_, r) => m[r.key as keyof typeof m] as string },
          { title: m.contractValue, width: 150, render: (_, r) => show(d?.terms[r.key]) },
          { title: m.nationalValue, width: 150, render: (_, r) => show(d?.national[r.key]) },
          {
            title: m.termSource,
            render: (_, r) => (
              <>
                {r.source} {status(r.status)}
              </>
            ),
          },
        ]}
      />
      {d?.contractRef && (
        <p style={{ marginTop: 8 }}>
          {m.contractRef}：{d.contractRef}
        </p>
      )}
      {d?.permissions.setTerms && !editing && (
        <Button
          style={{ marginTop: 12 }}
          onClick={() => {
            form.setFieldsValue(d.terms);
            setEditing(true);
          }}
          data-testid="qc-edit-terms"
        >
          {m.editTerms}
        </Button>
      )}
      {d && editing && (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          initialValues={{ ...d.terms, contractRef: d.contractRef ?? "" }}
          onFinish={(values) =>
            qcApi
              .setTerms(projectId, { ...values, contractRef: values.contractRef || undefined })
              .then(() => {
                notify.success(m.termsSaved);
                setEditing(false);
                q.reload();
              }, notify.error)
          }
        >
          <Form.Item name="minDpi" label={m.minDpi}>
            <InputNumber min={1} max={4800} />
          </Form.Item>
          <Form.Item name="formats" label={m.formats}>
            <Select
              mode="multiple"
              style={{ minWidth: 200 }}
              options={["tiff", "jpeg", "jp2"].map((v) => ({ value: v, label: v }))}
            />
          </Form.Item>
          <Form.Item name="colourModes" label={m.colourModes}>
            <Select
              mode="multiple"
              style={{ minWidth: 240 }}
              options={["colour", "greyscale", "bitonal"].map((v) => ({ value: v, label: v }))}
            />
          </Form.Item>
          <Form.Item name="maxSkewDeg" label={m.maxSkewDeg}>
            <InputNumber min={0} max={45} step={0.5} />
          </Form.Item>
          <Form.Item name="blankInkPct" label={m.blankInkPct}>
            <InputNumber min={0} max={50} step={0.01} />
          </Form.Item>
          <Form.Item name="sampleRatePct" label={m.sampleRatePct}>
            <InputNumber min={0.1} max={100} />
          </Form.Item>
          <Form.Item name="criticalMax" label={m.criticalMax}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="majorMaxPct" label={m.majorMaxPct}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="minorMaxPct" label={m.minorMaxPct}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="contractRef" label={m.contractRef}>
            <Input maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {m.saveTerms}
          </Button>
          <Button onClick={() => setEditing(false)}>{t.common.cancel}</Button>
        </Form>
      )}
    </>
  );
}
