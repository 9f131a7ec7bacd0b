// Two-factor authentication / 两步验证 on the user's own account page: set up
// (QR code drawn in the browser by Ant Design, the base32 key and the otpauth://
// link), confirm with a code, show the recovery codes once, turn off with the
// password and a code or recovery code.
import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Form, Input, Modal, QRCode, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { type ApiError, asApiError } from "../../api/client.ts";
import { authApi } from "../../api/endpoints.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useSession } from "../../session/SessionContext.tsx";

const CODE_RULE = /^\s*\d{6}\s*$/;

export function MfaSection() {
  const { t } = useI18n();
  const a = t.auth;
  const notify = useNotify();
  const { refresh } = useSession();
  const status = useQuery(() => authApi.mfaStatus(), []);
  const [setup, setSetup] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [disabling, setDisabling] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [confirmForm] = Form.useForm<{ code: string }>();
  const [disableForm] = Form.useForm<{ password: string; code: string }>();

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const start = () =>
    run(async () => {
      setSetup(await authApi.mfaSetup());
    });

  const confirm = async () => {
    const v = await confirmForm.validateFields();
    await run(async () => {
      const r = await authApi.mfaEnable(v.code.trim());
      setSetup(null);
      setRecoveryCodes(r.recoveryCodes);
      status.reload();
    });
  };

  const closeRecovery = async () => {
    setRecoveryCodes(null);
    notify.success(a.mfaEnabledNotice);
    // The session may have been waiting for enrolment: reload who we are.
    await refresh();
  };

  const disable = async () => {
    const v = await disableForm.validateFields();
    const typed = v.code.trim();
    await run(async () => {
      await authApi.mfaDisable(v.password, CODE_RULE.test(typed) ? { code: typed } : { recoveryCode: typed });
      setDisabling(false);
      notify.success(a.mfaDisabled);
      status.reload();
      await refresh();
    });
  };

  const s = status.data;
  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined />
          {a.mfaTitle}
          {s && (s.enabled ? <Tag color="success">{a.mfaOn}</Tag> : <Tag>{a.mfaOff}</Tag>)}
        </Space>
      }
      data-testid="mfa-section"
    >
      <Typography.Paragraph type="secondary">{a.mfaSubtitle}</Typography.Paragraph>
      <ErrorAlert error={status.error ?? (disabling || recoveryCodes ? undefined : error)} />
      {s?.enabled ? (
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Flex vertical>
            <Typography.Text>{a.mfaEnabledSince(formatDateTime(s.enabledAt))}</Typography.Text>
            <Typography.Text type="secondary">{a.mfaRecoveryLeft(s.recoveryCodesLeft)}</Typography.Text>
          </Flex>
          <Button
            danger
            onClick={() => {
              setError(undefined);
              setDisabling(true);
            }}
          >
            {a.mfaDisable}
          </Button>
        </Flex>
      ) : setup ? (
        <Flex gap={24} wrap align="flex-start">
          <QRCode value={setup.otpauthUri} size={180} bordered />
          <div style={{ flex: 1, minWidth: 260 }}>
            <Typography.Paragraph>{a.mfaScan}</Typography.Paragraph>
            <Typography.Paragraph>
              {a.mfaSecret}:{" "}
              <Typography.Text className="mono" copyable data-testid="mfa-secret">
                {setup.secret.replace(/(.{4})/g, "$1 ").trim()}
              </Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, wordBreak: "break-all" }}>
              {a.mfaUri}:{" "}
              <Typography.Text className="mono" copyable={{ text: setup.otpauthUri }}>
                {setup.otpauthUri}
              </Typography.Text>
            </Typography.Paragraph>
            <Form form={confirmForm} layout="inline" onFinish={() => void confirm()}>
              <Form.Item
                name="code"
                rules={[{ required: true, pattern: CODE_RULE, message: a.mfaCodeRequired }]}
              >
                <Input
                  placeholder={a.mfaCode}
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  maxLength={6}
                  data-testid="mfa-confirm-code"
                />
              </Form.Item>
              <Form.Item>
                <Space>
                  <Button type="primary" htmlType="submit" loading={busy}>
                    {a.mfaConfirm}
                  </Button>
                  <Button onClick={() => setSetup(null)}>{a.mfaCancel}</Button>
                </Space>
              </Form.Item>
            </Form>
          </div>
        </Flex>
      ) : (
        s && (
          <Button type="primary" onClick={() => void start()} loading={busy}>
            {a.mfaSetUp}
          </Button>
        )
      )}

      <Modal
        open={recoveryCodes !== null}
        title={a.mfaRecoveryTitle}
        closable={false}
        maskClosable={false}
        footer={
          <Button type="primary" onClick={() => void closeRecovery()}>
            {a.mfaRecoverySaved}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={a.mfaRecoveryHelp} style={{ marginBottom: 16 }} />
        <Typography.Paragraph copyable={{ text: (recoveryCodes ?? []).join("\n") }}>
          <span className="mono" data-testid="mfa-recovery-codes" style={{ whiteSpace: "pre-line" }}>
            {(recoveryCodes ?? []).join("\n")}
          </span>
        </Typography.Paragraph>
      </Modal>

      <Modal
        open={disabling}
        title={a.mfaDisable}
        onCancel={() => setDisabling(false)}
        onOk={() => void disable()}
        okButtonProps={{ danger: true }}
        confirmLoading={busy}
        okText={a.mfaDisable}
        cancelText={t.common.cancel}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{a.mfaDisableHelp}</Typography.Paragraph>
        <ErrorAlert error={error} />
        <Form form={disableForm} layout="vertical" preserve={false}>
          <Form.Item name="password" label={t.auth.password} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="code"
            label={`${a.mfaCode} / ${a.mfaRecoveryCode}`}
            rules={[{ required: true, whitespace: true, max: 40 }]}
          >
            <Input autoComplete="one-time-code" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
