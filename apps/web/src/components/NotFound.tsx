import { Result } from "antd";
import { useI18n } from "../i18n/LocaleContext.tsx";
import { LinkButton } from "./LinkButton.tsx";

export function NotFound({ forbidden = false }: { forbidden?: boolean }) {
  const { t } = useI18n();
  return (
    <Result
      status={forbidden ? "403" : "404"}
      title={forbidden ? t.common.forbiddenTitle : t.common.notFoundTitle}
      subTitle={forbidden ? t.common.forbiddenText : t.common.notFoundText}
      extra={
        <LinkButton to="/" type="primary">
          {t.common.backHome}
        </LinkButton>
      }
    />
  );
}
