import { Segmented } from "antd";
import type { Locale } from "../i18n/define.ts";
import { useI18n } from "../i18n/LocaleContext.tsx";

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      aria-label={t.layout.language}
      data-testid="lang-switch"
      size="small"
      value={locale}
      onChange={setLocale}
      options={[
        { label: "中文", value: "zh-CN" },
        { label: "EN", value: "en-US" },
      ]}
    />
  );
}
