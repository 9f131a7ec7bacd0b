// Closes a step: the named people of both parties, the date, notes and the
// step's own record (counts, findings, transport, repacking). Refusals come
// back with their clause and stay in the modal.
import { DatePicker, Form, Input, Modal, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { type ApiError, asApiError } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { type BatchDetail, type IntakeAction, intakeApi } from "./api.ts";
import { ACTION } from "./labels.ts";
import { StepFields, stepBody } from "./StepFields.tsx";

export interface StepValues {
  clientPeople: string[];
  agencyPeople: string[];
  performedOn: Dayjs;
  notes?: string;
  [field: string]: unknown;
}

export function StepModal({
  batch,
  action,
  onClose,
  onDone,
}: {
  batch: BatchDetail;
  action: IntakeAction;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, pick } = useI18n();
  const i = t.intake;
  const me = useMe();
  const notify = useNotify();
  const [form] = Form.useForm<StepValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const mine = (side: "client" | "agency") =>
    batch.parties[side].some((p) => p.id === me.id) ? [me.id] : [];
  const escorts = action === "load";

  const submit = async (v: StepValues) => {
    setBusy(true);
    setError(undefined);
    try {
      await intakeApi.transition(batch.id, {
        action,
        people: [...(v.clientPeople ?? []), ...(v.agencyPeople ?? [])],
        performedOn: v.performedOn.format("YYYY-MM-DD"),
        ...(v.notes?.trim() ? { notes: v.notes.trim() } : {}),
        ...stepBody(action, v),
      });
      notify.success(i.stepRecorded);
      onDone();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const people = (side: "client" | "agency") =>
    batch.parties[side].map((p) => ({ value: p.id, label: p.name }));
  return (
    <Modal
      open
      width={action === "check_condition" || action === "repack" ? 860 : 620}
      title={pick(ACTION[action])}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.confirm}
      cancelText={t.common.cancel}
      confirmLoading={busy}
    >
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        data-testid="step-form"
        initialValues={{ clientPeople: mine("client"), agencyPeople: mine("agency"), performedOn: dayjs() }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="clientPeople"
          label={escorts ? i.clientEscorts : i.clientPeople}
          extra={i.peopleHelp}
        >
          <Select
            mode="multiple"
            options={people("client")}
            optionFilterProp="label"
            data-testid="client-people"
          />
        </Form.Item>
        <Form.Item name="agencyPeople" label={escorts ? i.agencyEscorts : i.agencyPeople}>
          <Select
            mode="multiple"
            options={people("agency")}
            optionFilterProp="label"
            data-testid="agency-people"
          />
        </Form.Item>
        <StepFields batch={batch} action={action} form={form} />
        <Form.Item name="performedOn" label={i.performedOn} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), "day")} />
        </Form.Item>
        <Form.Item name="notes" label={i.notes}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
