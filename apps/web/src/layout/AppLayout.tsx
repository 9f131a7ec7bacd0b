// The signed-in frame: side menu, header, content (pages load lazily) and footer.
import { Layout } from "antd";
import { lazy, Suspense, useState } from "react";
import { Outlet } from "react-router-dom";
import { FullPageSpin } from "../components/FullPageSpin.tsx";
import { useI18n } from "../i18n/LocaleContext.tsx";
import { useMe } from "../session/SessionContext.tsx";
import { HeaderBar } from "./HeaderBar.tsx";
import { SideMenu } from "./SideMenu.tsx";

const AccountSecurityPage = lazy(async () => ({
  default: (await import("../features/auth/AccountSecurityPage.tsx")).AccountSecurityPage,
}));

export function AppLayout() {
  const { t } = useI18n();
  const [collapsed, setCollapsed] = useState(false);
  const me = useMe();
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider
        width={232}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        style={{ position: "sticky", top: 0, height: "100vh", overflow: "auto" }}
      >
        <div className="app-brand">
          <span className="app-brand-mark">档</span>
          {!collapsed && <span>{t.common.brand}</span>}
        </div>
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <HeaderBar />
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <div style={{ maxWidth: 1440, margin: "0 auto" }}>
            <Suspense fallback={<FullPageSpin />}>
              {/* A role that requires MFA: enrolment before anything else. */}
              {me.mfaEnrolmentRequired ? <AccountSecurityPage /> : <Outlet />}
            </Suspense>
          </div>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: "center", color: "#8c8c8c", fontSize: 12 }}>
          {t.layout.footer}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
