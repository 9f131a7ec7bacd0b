// Toasts for quick actions: success messages and errors that cite their clause.
import { App, Space, Typography } from "antd";
import { useCallback } from "react";
import { asApiError } from "../api/client.ts";
import { useI18n } from "../i18n/LocaleContext.tsx";
import { ClauseTag } from "./ClauseTag.tsx";

export function useNotify() {
  const { notification, message } = App.useApp();
  const { t, pick } = useI18n();

  const error = useCallback(
    (e: unknown) => {
      const err = asApiError(e);
      notification.error({
        title: pick(err.messages),
        description: (
          <Space size={8}>
            {err.clause && <ClauseTag id={err.clause} />}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t.common.errorCode}: {err.code}
            </Typography.Text>
          </Space>
        ),
      });
    },
    [notification, pick, t],
  );

  const success = useCallback((text: string) => void message.success(text), [message]);
  return { error, success };
}
