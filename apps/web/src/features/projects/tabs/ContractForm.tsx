// The draft contract form. Each required term carries its clause tag; terms
// still missing are flagged. Saving a draft never needs every term.
import { SaveOutlined } from "@ant-design/icons";
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { type ApiError, asApiError } from "../../../api/client.ts";
import { projectsApi } from "../../../api/endpoints.ts";
import type { Contract, ContractValues } from "../../../api/types.ts";
import { applyIssues } from "../../../components/applyIssues.ts";
import { ClauseTag } from "../../../components/ClauseTag.tsx";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { useNotify } from "../../../components/useNotify.tsx";
import { useI18n } from "../../../i18n/LocaleContext.tsx";
import { CONTRACT_FIELDS, type FieldKind } from "./contractFields.ts";

type FormValues = Record<string, string | number | Dayjs | null | undefined>;

function toForm(c: Contract): FormValues {
  const out: FormValues = {};
  for (const { field, kind } of CONTRACT_FIELDS) {
    const v = c[field];
    out[field] = kind === "date" ? (v ? dayjs(String(v)) : undefined) : (v ?? undefined);
  }
  return out;
}

function toBody(v: FormValues): ContractValues {
  const body: Record<string, unknown> = {};
  for (const { field, kind } of CONTRACT_FIELDS) {
    const value = v[field];
    if (kind === "date") {
      if (value) body[field] = (value as Dayjs).format("YYYY-MM-DD");
    } else if (kind === "number") {
      if (typeof value === "number") body[field] = value;
    } else {
      body[field] = typeof value === "string" ? value.trim() : "";
    }
  }
  return body as ContractValues;
}

function input(kind: FieldKind) {
  if (kind === "textarea") return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />;
  if (kind === "date") return <DatePicker style={{ width: "100%" }} />;
  if (kind === "number") return <InputNumber min={0} style={{ width: "100%" }} />;
  return <Input />;
}

export function ContractForm({
  contract: c,
  projectId,
  onSaved,
}: {
  contract: Contract;
  projectId: string;
  onSaved: () => void;
}) {
  const { t, pick } = useI18n();
  const notify = useNotify();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const required = new Map(c.requirements.map((r) => [r.field, r.clause]));

  const save = async (v: FormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      await projectsApi.saveContract(projectId, toBody(v));
      notify.success(t.common.saved);
      onSaved();
    } catch (e) {
      const err = asApiError(e);
      setError(err);
      applyIssues(
        form,
        err,
        CONTRACT_FIELDS.map((f) => f.field),
        pick,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<FormValues>
      form={form}
      name="contract"
      layout="vertical"
      initialValues={toForm(c)}
      onFinish={(v) => void save(v)}
      style={{ maxWidth: 960 }}
    >
      <Row gutter={24}>
        {CONTRACT_FIELDS.map(({ field, kind, half }) => {
          const clause = required.get(field);
          const missing = c.missing.includes(field);
          return (
            <Col key={field} xs={24} md={half ? 12 : 24}>
              <Form.Item
                name={field}
                required={!!clause}
                {...(missing ? { validateStatus: "warning" as const } : {})}
                label={
                  <Space size={6}>
                    {t.contract[field]}
                    {clause && <ClauseTag id={clause} />}
                  </Space>
                }
              >
                {input(kind)}
              </Form.Item>
            </Col>
          );
        })}
      </Row>
      <ErrorAlert error={error} />
      <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy}>
        {t.contract.saveDraft}
      </Button>
    </Form>
  );
}
