// Small pieces the facilities pages share: the agency picker, the agency's
// users, a generic form modal and a tag for overdue equipment.
import { WarningOutlined } from "@ant-design/icons";
import { Form, type FormInstance, Modal, Select, Tag } from "antd";
import { type ReactNode, useState } from "react";
import { type ApiError, asApiError } from "../../api/client.ts";
import { usersApi } from "../../api/endpoints.ts";
import { applyIssues } from "../../components/applyIssues.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { useAgencies } from "../projects/AgencySelect.tsx";

/** Regulators and clients choose which custody agency to look at; an agency sees its own. */
export function CustodyAgencySelect({
  value,
  onChange,
  width = 280,
}: {
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  width?: number;
}) {
  const { t } = useI18n();
  const agencies = useAgencies("custody");
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      placeholder={t.facilities.chooseAgency}
      aria-label={t.facilities.chooseAgency}
      style={{ width }}
      value={value}
      onChange={onChange}
      loading={agencies.loading}
      options={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
    />
  );
}

/** Active users of the signed-in agency (for keepers and key holders). */
export function useAgencyUsers(enabled: boolean) {
  const me = useMe();
  return useQuery(
    (signal) =>
      enabled
        ? usersApi
            .list({ orgId: me.orgId, pageSize: 200 }, signal)
            .then((r) => r.items.filter((u) => u.active))
        : Promise.resolve([]),
    [enabled, me.orgId],
  );
}

export function OverdueTag() {
  const { t } = useI18n();
  return (
    <Tag color="error" icon={<WarningOutlined />} data-testid="overdue">
      {t.facilities.overdue}
    </Tag>
  );
}

/** A modal form that submits once, shows refusals with their clause and puts field issues on the form. */
export function FormModal<V extends object>({
  open,
  title,
  fields,
  initialValues,
  onClose,
  onSubmit,
  children,
  width = 560,
  quiet = false,
}: {
  open: boolean;
  title: ReactNode;
  fields: readonly string[];
  initialValues?: Partial<V>;
  onClose: () => void;
  onSubmit: (values: V, form: FormInstance<V>) => Promise<void>;
  children: ReactNode;
  width?: number;
  /** The caller reports success itself. */
  quiet?: boolean;
}) {
  const { t, pick } = useI18n();
  const notify = useNotify();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(v, form);
      if (!quiet) notify.success(t.common.saved);
      onClose();
    } catch (e) {
      const err = asApiError(e);
      setError(err);
      applyIssues(form, err, fields, pick);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={t.common.save}
      cancelText={t.common.cancel}
      width={width}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form<V> form={form} layout="vertical" preserve={false} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}

/** Drops empty strings and undefined so optional fields are left out of the request. */
export const clean = (v: object) =>
  Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ""));
