// Sign-in: username and password; shows wrong-password, lockout (with the time
// it ends) and rate-limit refusals in the current language.
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router-dom";
import { type ApiError, asApiError } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { LanguageSwitch } from "../../layout/LanguageSwitch.tsx";
import { useSession } from "../../session/SessionContext.tsx";

/** Only same-site paths are followed after sign-in. */
const safeNext = (next: string | null) => (next?.startsWith("/") && !next.startsWith("//") ? next : "/");

export function LoginPage() {
  const { t } = useI18n();
  const { me, signIn, endReason } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const next = safeNext(params.get("next"));

  if (me) return <Navigate to={next} replace />;

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await signIn(v.username.trim(), v.password);
      navigate(next, { replace: true });
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const lockedUntil = error?.code === "ACCOUNT_LOCKED" ? String(error.details?.lockedUntil ?? "") : "";
  const notice =
    endReason === "expired"
      ? t.layout.sessionExpired
      : endReason === "passwordChanged"
        ? t.layout.passwordChanged
        : endReason === "signedOut"
          ? t.layout.signedOut
          : null;

  return (
    <div className="login-bg">
      <Card style={{ width: 420, maxWidth: "100%", boxShadow: "0 12px 40px rgba(0,0,0,.25)" }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <span className="app-brand-mark" style={{ color: "#fff", fontWeight: 600 }}>
            档
          </span>
          <LanguageSwitch />
        </Flex>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t.common.appName}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
          {t.auth.parties}
        </Typography.Paragraph>
        {notice && !error && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
        <ErrorAlert error={error} />
        {lockedUntil && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t.auth.lockedUntil(formatDateTime(lockedUntil))}
          />
        )}
        <Form layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false} size="large">
          <Form.Item
            name="username"
            label={t.auth.username}
            rules={[{ required: true, message: t.auth.usernameRequired }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t.auth.password}
            rules={[{ required: true, message: t.auth.passwordRequired }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t.auth.submit}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
