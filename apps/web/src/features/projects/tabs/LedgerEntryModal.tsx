// Add a ledger entry; a rectification picks the open problem it closes.
import { DatePicker, Form, Input, Modal, Radio, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { type ApiError, asApiError } from "../../../api/client.ts";
import { projectsApi } from "../../../api/endpoints.ts";
import type { LedgerKind } from "../../../api/types.ts";
import { applyIssues } from "../../../components/applyIssues.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { useNotify } from "../../../components/useNotify.tsx";
import { useQuery } from "../../../hooks/useQuery.ts";
import { formatDate } from "../../../i18n/format.ts";
import { useI18n } from "../../../i18n/LocaleContext.tsx";
import { LEDGER_KIND } from "../../../i18n/labels.ts";

interface Values {
  kind: LedgerKind;
  occurredOn: Dayjs;
  summary: string;
  details?: string;
  clauseId?: string;
  resolvesEntryId?: string;
}

const FIELDS = ["kind", "occurredOn", "summary", "details", "clauseId", "resolvesEntryId"] as const;

export function LedgerEntryModal({
  open,
  projectId,
  onClose,
  onAdded,
}: {
  open: boolean;
  projectId: string;
  onClose: () => void;
  onAdded: () => void;
}) {
  const { t, pick } = useI18n();
  const notify = useNotify();
  const l = t.ledger;
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const problems = useQuery(
    () =>
      open
        ? projectsApi.ledger(projectId, { kind: "problem", status: "open" }).then((r) => r.items)
        : Promise.resolve([]),
    [projectId, open],
  );

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await projectsApi.addLedger(projectId, {
        kind: v.kind,
        occurredOn: v.occurredOn.format("YYYY-MM-DD"),
        summary: v.summary.trim(),
        ...(v.details?.trim() ? { details: v.details.trim() } : {}),
        ...(v.clauseId?.trim() ? { clauseId: v.clauseId.trim() } : {}),
        ...(v.kind === "rectification" && v.resolvesEntryId ? { resolvesEntryId: v.resolvesEntryId } : {}),
      });
      notify.success(l.added);
      form.resetFields();
      onAdded();
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
      title={l.add}
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
        name="ledger"
        layout="vertical"
        preserve={false}
        initialValues={{ kind: "supervision", occurredOn: dayjs() }}
      >
        <Form.Item name="kind" label={l.kind} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={(Object.keys(LEDGER_KIND) as LedgerKind[]).map((k) => ({
              value: k,
              label: pick(LEDGER_KIND[k]),
            }))}
          />
        </Form.Item>
        {kind === "rectification" && (
          <Form.Item
            name="resolvesEntryId"
            label={l.resolves}
            extra={l.resolvesHelp}
            rules={[{ required: true }]}
          >
            <Select
              loading={problems.loading}
              notFoundContent={l.noOpenProblems}
              options={(problems.data ?? []).map((e) => ({
                value: e.id,
                label: `${formatDate(e.occurredOn)} · ${e.summary}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="occurredOn" label={l.occurredOn} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="summary" label={l.summary} rules={[{ required: true, max: 300, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="details" label={l.details} rules={[{ max: 8000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="clauseId"
          label={l.clause}
          extra={l.clauseHelp}
          rules={[{ pattern: /^[GDZ]-\d+(\.\d+)?$/, message: l.clauseInvalid }]}
        >
          <Input style={{ width: 160 }} placeholder="D-9.9" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
