// Sign-in: username and password, then — for a user with two-factor sign-in on —
// the authenticator's code or a recovery code; shows wrong-password, wrong-code,
// lockout (with the time it ends) and rate-limit refusals in the current language.
import { LockOutlined, SafetyOutlined, UserOutlined } from "@ant-design/icons";
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
  const { me, signIn, completeMfa, endReason } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  /** Set after the password step when the user has MFA on. */
  const [challenge, setChallenge] = useState<string | null>(null);
  const [useRecovery, setUseRecovery] = useState(false);
  const next = safeNext(params.get("next"));

  if (me) return <Navigate to={next} replace />;

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      const err = asApiError(e);
      // A timed-out challenge: start again from the password.
      if (err.code === "MFA_CHALLENGE_INVALID" || err.code === "ACCOUNT_LOCKED") setChallenge(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const onFinish = (v: { username: string; password: string }) =>
    attempt(async () => {
      const r = await signIn(v.username.trim(), v.password);
      if ("mfaRequired" in r) {
        setUseRecovery(false);
        setChallenge(r.challenge);
        return;
      }
      navigate(next, { replace: true });
    });

  const onSecondStep = (v: { code?: string; recoveryCode?: string }) =>
    attempt(async () => {
      if (!challenge) return;
      await completeMfa(
        challenge,
        useRecovery ? { recoveryCode: (v.recoveryCode ?? "").trim() } : { code: (v.code ?? "").trim() },
      );
      navigate(next, { replace: true });
    });

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
        {challenge ? (
          <Form
            key={useRecovery ? "recovery" : "code"}
            layout="vertical"
            onFinish={(v) => void onSecondStep(v)}
            requiredMark={false}
            size="large"
            data-testid="mfa-step"
          >
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t.auth.mfaStepTitle}
            </Typography.Title>
            {useRecovery ? (
              <Form.Item
                name="recoveryCode"
                label={t.auth.mfaRecoveryCode}
                rules={[{ required: true, whitespace: true, message: t.auth.mfaRecoveryRequired }]}
              >
                <Input
                  prefix={<SafetyOutlined />}
                  autoComplete="off"
                  autoFocus
                  placeholder="xxxx-xxxx-xxxx"
                />
              </Form.Item>
            ) : (
              <Form.Item
                name="code"
                label={t.auth.mfaCode}
                extra={t.auth.mfaStepHelp}
                rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t.auth.mfaCodeRequired }]}
              >
                <Input
                  prefix={<SafetyOutlined />}
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  maxLength={6}
                  autoFocus
                />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t.auth.mfaVerify}
            </Button>
            <Flex justify="space-between" style={{ marginTop: 12 }}>
              <Typography.Link onClick={() => setUseRecovery(!useRecovery)}>
                {useRecovery ? t.auth.mfaUseCode : t.auth.mfaUseRecovery}
              </Typography.Link>
              <Typography.Link
                onClick={() => {
                  setChallenge(null);
                  setError(undefined);
                }}
              >
                {t.auth.mfaBack}
              </Typography.Link>
            </Flex>
          </Form>
        ) : (
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
        )}
      </Card>
    </div>
  );
}
