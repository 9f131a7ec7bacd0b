// Add or edit a user (roles offered are those of my organisation's kind), and
// reset a user's password.
import { Alert, Form, Input, Modal, Select, Switch } from "antd";
import { useState } from "react";
import { type ApiError, asApiError } from "../../api/client.ts";
import { usersApi } from "../../api/endpoints.ts";
import type { Role, User } from "../../api/types.ts";
import { applyIssues } from "../../components/applyIssues.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMeta } from "../../session/MetaContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";

interface UserValues {
  username?: string;
  displayName: string;
  roles: Role[];
  password?: string;
  phone?: string;
  idNumber?: string;
  active?: boolean;
}

const FIELDS = ["username", "displayName", "roles", "password", "phone", "idNumber", "active"] as const;

export function UserFormModal({
  user,
  onClose,
  onSaved,
}: {
  user: User | "new" | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, pick } = useI18n();
  const { options } = useMeta();
  const me = useMe();
  const notify = useNotify();
  const u = t.users;
  const [form] = Form.useForm<UserValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const isNew = user === "new";
  const existing = user && user !== "new" ? user : null;

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const optional = { phone: v.phone?.trim() || undefined, idNumber: v.idNumber?.trim() || undefined };
      if (isNew) {
        const created = await usersApi.create({
          orgId: me.orgId,
          username: v.username?.trim(),
          displayName: v.displayName.trim(),
          roles: v.roles,
          password: v.password,
          ...optional,
        });
        notify.success(u.added(created.displayName));
      } else if (existing) {
        await usersApi.update(existing.id, {
          displayName: v.displayName.trim(),
          roles: v.roles,
          active: v.active,
          ...(v.phone !== (existing.phone ?? "") ? { phone: v.phone?.trim() ?? "" } : {}),
          ...(v.idNumber !== (existing.idNumber ?? "") ? { idNumber: v.idNumber?.trim() ?? "" } : {}),
        });
        notify.success(u.updated);
      }
      onSaved();
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
      open={user !== null}
      title={existing ? u.editTitle(existing.displayName) : u.add}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={t.common.save}
      cancelText={t.common.cancel}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form<UserValues>
        form={form}
        name="user"
        layout="vertical"
        preserve={false}
        initialValues={
          existing
            ? {
                displayName: existing.displayName,
                roles: existing.roles,
                active: existing.active,
                phone: existing.phone ?? "",
                idNumber: existing.idNumber ?? "",
              }
            : { roles: [] }
        }
      >
        {isNew && (
          <Form.Item
            name="username"
            label={u.username}
            extra={u.usernameHelp}
            rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{2,39}$/, message: u.usernameHelp }]}
          >
            <Input autoComplete="off" className="mono" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={u.displayName}
          rules={[{ required: true, max: 100, whitespace: true }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="roles" label={u.roles} rules={[{ required: true, type: "array", min: 1 }]}>
          <Select mode="multiple" options={options.roles(me.org.kind)} />
        </Form.Item>
        {isNew && (
          <Form.Item
            name="password"
            label={u.password}
            extra={u.passwordHelp}
            rules={[{ required: true, min: 12, max: 128 }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="phone" label={u.phone} rules={[{ max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="idNumber" label={u.idNumber} rules={[{ max: 40 }]}>
          <Input />
        </Form.Item>
        {existing && (
          <Form.Item name="active" label={u.active} valuePropName="checked">
            <Switch checkedChildren={u.activeYes} unCheckedChildren={u.activeNo} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const u = t.users;
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async () => {
    if (!user) return;
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await usersApi.resetPassword(user.id, v.password);
      notify.success(u.passwordReset);
      onClose();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? u.resetTitle(user.displayName) : ""}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={t.common.save}
      cancelText={t.common.cancel}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={u.resetHelp} style={{ marginBottom: 16 }} />
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="password"
          label={u.newPassword}
          extra={t.layout.passwordRule}
          rules={[{ required: true, min: 12, max: 128 }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
