// Starts an intake batch: a running custody project and the handover
// catalogues it moves (each catalogue moves in one batch).
import { Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { type ApiError, asApiError } from "../../api/client.ts";
import { projectsApi } from "../../api/endpoints.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { intakeApi } from "./api.ts";

interface Values {
  projectId: string;
  title: string;
  catalogueIds: string[];
  notes?: string;
}

export function NewBatchModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useI18n();
  const i = t.intake;
  const [form] = Form.useForm<Values>();
  const projectId = Form.useWatch("projectId", form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const projects = useQuery(
    () =>
      open
        ? projectsApi.list({ serviceType: "custody", status: "active", pageSize: 200 })
        : Promise.resolve(undefined),
    [open],
  );
  const catalogues = useQuery(
    () => (projectId ? intakeApi.catalogues(projectId) : Promise.resolve({ items: [] })),
    [projectId],
  );

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const b = await intakeApi.create({ ...v, ...(v.notes ? {} : { notes: undefined }) });
      form.resetFields();
      onCreated(b.id);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={i.newBatch}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.create}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="new-batch-form">
        <Form.Item
          name="projectId"
          label={i.project}
          rules={[{ required: true, message: t.common.required }]}
        >
          <Select
            showSearch={{ optionFilterProp: "label" }}
            loading={projects.loading}
            options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
            onChange={() => form.setFieldValue("catalogueIds", [])}
          />
        </Form.Item>
        <Form.Item name="title" label={i.title} rules={[{ required: true, message: t.common.required }]}>
          <Input maxLength={200} placeholder={i.titlePlaceholder} />
        </Form.Item>
        <Form.Item
          name="catalogueIds"
          label={i.catalogues}
          extra={i.cataloguesHelp}
          rules={[{ required: true, message: t.common.required }]}
        >
          <Select
            mode="multiple"
            loading={catalogues.loading}
            notFoundContent={i.noCatalogues}
            options={(catalogues.data?.items ?? []).map((c) => ({
              value: c.id,
              disabled: !!c.batchId,
              label: `${c.title}（${i.rows(c.rowCount)}${c.batchCode ? ` · ${c.batchCode}` : ""}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="notes" label={i.notes}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
