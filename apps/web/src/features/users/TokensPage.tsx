// My API tokens: create (the secret is shown once), list, revoke.
import { PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Table,
  Tag,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { type ApiError, asApiError } from "../../api/client.ts";
import { authApi } from "../../api/endpoints.ts";
import type { ApiToken } from "../../api/types.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";

export function TokensPage() {
  const { t } = useI18n();
  const u = t.users;
  const notify = useNotify();
  const list = useQuery(() => authApi.tokens(), []);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [form] = Form.useForm<{ name: string; expiresInDays?: number }>();

  const create = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const r = await authApi.createToken(v.name.trim(), v.expiresInDays ?? undefined);
      setCreating(false);
      setSecret(r.token);
      list.reload();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string) => {
    try {
      await authApi.revokeToken(id);
      notify.success(u.tokenRevoked);
      list.reload();
    } catch (e) {
      notify.error(e);
    }
  };

  const statusOf = (tk: ApiToken) =>
    tk.revokedAt ? "revoked" : tk.expiresAt && new Date(tk.expiresAt) <= new Date() ? "expired" : "active";

  const columns: ColumnsType<ApiToken> = [
    { title: u.tokenName, dataIndex: "name" },
    {
      title: u.tokenPrefix,
      dataIndex: "prefix",
      width: 130,
      render: (p: string) => <span className="mono">{p}…</span>,
    },
    {
      title: t.common.createdAt,
      dataIndex: "createdAt",
      width: 150,
      render: (d: string) => formatDateTime(d),
    },
    {
      title: u.tokenExpires,
      dataIndex: "expiresAt",
      width: 150,
      render: (d: string | null) => (d ? formatDateTime(d) : u.tokenNever),
    },
    {
      title: u.tokenLastUsed,
      dataIndex: "lastUsedAt",
      width: 150,
      render: (d: string | null) => formatDateTime(d),
    },
    {
      title: t.common.status,
      key: "status",
      width: 100,
      render: (_, tk) => {
        const s = statusOf(tk);
        return s === "active" ? (
          <Tag color="success">{u.tokenStatusActive}</Tag>
        ) : s === "revoked" ? (
          <Tag>{u.tokenStatusRevoked}</Tag>
        ) : (
          <Tag color="warning">{u.tokenStatusExpired}</Tag>
        );
      },
    },
    {
      title: t.common.actions,
      key: "actions",
      width: 90,
      render: (_, tk) =>
        !tk.revokedAt && (
          <Popconfirm title={u.tokenRevokeConfirm} onConfirm={() => void revoke(tk.id)}>
            <Typography.Link type="danger">{u.tokenRevoke}</Typography.Link>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={u.tokensTitle}
        subtitle={u.tokensSubtitle}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setError(undefined);
              setCreating(true);
            }}
          >
            {u.tokenCreate}
          </Button>
        }
      />
      <Card>
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          size="middle"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <EmptyState text={u.tokensEmpty} /> }}
        />
      </Card>
      <Modal
        open={creating}
        title={u.tokenCreate}
        onCancel={() => setCreating(false)}
        onOk={() => void create()}
        confirmLoading={busy}
        okText={u.tokenCreate}
        cancelText={t.common.cancel}
        destroyOnHidden
      >
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="name" label={u.tokenName} rules={[{ required: true, max: 100, whitespace: true }]}>
            <Input placeholder={u.tokenNamePlaceholder} />
          </Form.Item>
          <Form.Item name="expiresInDays" label={u.tokenExpiresIn}>
            <InputNumber min={1} max={3650} precision={0} style={{ width: 160 }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={secret !== null}
        title={u.tokenCreatedTitle}
        onCancel={() => setSecret(null)}
        footer={
          <Button type="primary" onClick={() => setSecret(null)}>
            {t.common.close}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={u.tokenCreatedHelp} style={{ marginBottom: 16 }} />
        <Typography.Paragraph copyable={{ text: secret ?? "" }} className="mono" data-testid="token-secret">
          {secret}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
