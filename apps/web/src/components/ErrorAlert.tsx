// Shows an API error in the current language; a refusal names its clause as a
// tag linking to the clause page, validation errors list their fields.
import { Alert, Space, Typography } from "antd";
import type { CSSProperties } from "react";
import type { ApiError } from "../api/client.ts";
import { useI18n } from "../i18n/LocaleContext.tsx";
import { ClauseTag } from "./ClauseTag.tsx";

export function ErrorAlert({
  error,
  style,
  onClose,
}: {
  error: ApiError | null | undefined;
  style?: CSSProperties;
  onClose?: () => void;
}) {
  const { t, pick } = useI18n();
  if (!error) return null;
  const issues = error.issues;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="error-alert"
      data-code={error.code}
      style={{ marginBottom: 16, ...style }}
      {...(onClose ? { closable: { onClose } } : {})}
      title={
        <Space wrap size={8}>
          {error.clause && <ClauseTag id={error.clause} />}
          <span className="error-message">{pick(error.messages)}</span>
        </Space>
      }
      description={
        <>
          {issues.length > 0 && (
            <div>
              {t.common.fieldIssues}
              <ul style={{ margin: "4px 0", paddingInlineStart: 20 }}>
                {issues.map((i) => (
                  <li key={`${i.path}:${i.message}`}>
                    <Typography.Text code>{i.path}</Typography.Text> {i.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t.common.errorCode}: {error.code}
          </Typography.Text>
        </>
      }
    />
  );
}
