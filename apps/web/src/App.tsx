// Providers (locale, antd theme, reference data, session) and the routes.
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { BrowserRouter } from "react-router-dom";
import { LocaleProvider, useI18n } from "./i18n/LocaleContext.tsx";
import { AppRoutes } from "./routes.tsx";
import { MetaProvider } from "./session/MetaContext.tsx";
import { SessionProvider } from "./session/SessionContext.tsx";
import { theme } from "./theme.ts";

function Themed() {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === "zh-CN" ? zhCN : enUS} theme={theme}>
      <AntApp>
        <MetaProvider>
          <SessionProvider>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </SessionProvider>
        </MetaProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <LocaleProvider>
      <Themed />
    </LocaleProvider>
  );
}
