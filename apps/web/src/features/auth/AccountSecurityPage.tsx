// The signed-in user's account security: two-factor authentication (两步验证).
// Also shown in place of every page while the user's role requires MFA and it
// is off (DANGAN_MFA_REQUIRED_ROLES): the server serves nothing else then.
import { Alert } from "antd";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { MfaSection } from "./MfaSection.tsx";

export function AccountSecurityPage() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <>
      <PageHeader title={t.auth.mfaTitle} subtitle={me.username} />
      {me.mfaEnrolmentRequired && (
        <Alert
          type="warning"
          showIcon
          title={t.auth.mfaRequiredTitle}
          description={t.auth.mfaRequiredHelp}
          style={{ marginBottom: 16 }}
          data-testid="mfa-required"
        />
      )}
      <MfaSection />
    </>
  );
}
