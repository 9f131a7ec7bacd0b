// Header: the user's organisation, name and roles, the language switch and
// the account menu (change password, two-factor authentication, API tokens, sign out).
import {
  ApiOutlined,
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { Avatar, Dropdown, Flex, Layout, Tag, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useNotify } from "../components/useNotify.tsx";
import { useI18n } from "../i18n/LocaleContext.tsx";
import { ORG_KIND_COLOR } from "../i18n/labels.ts";
import { useMeta } from "../session/MetaContext.tsx";
import { useMe, useSession } from "../session/SessionContext.tsx";
import { ChangePasswordModal } from "./ChangePasswordModal.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";

export function HeaderBar() {
  const { t } = useI18n();
  const { labels } = useMeta();
  const me = useMe();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const notify = useNotify();
  const [pwOpen, setPwOpen] = useState(false);

  const onMenu = async (key: string) => {
    if (key === "password") setPwOpen(true);
    if (key === "tokens") navigate("/tokens");
    if (key === "mfa") navigate("/account/security");
    if (key === "signout") {
      try {
        await signOut();
      } catch (e) {
        notify.error(e);
      }
    }
  };

  return (
    <Layout.Header
      style={{
        display: "flex",
        alignItems: "center",
        justifyContent: "space-between",
        gap: 16,
        borderBottom: "1px solid #f0f0f0",
        position: "sticky",
        top: 0,
        zIndex: 10,
      }}
    >
      <Flex align="center" gap={10} style={{ minWidth: 0 }}>
        <Tag color={ORG_KIND_COLOR[me.org.kind]} style={{ marginInlineEnd: 0 }}>
          {labels.orgKind(me.org.kind)}
        </Tag>
        <strong
          data-testid="header-org"
          title={me.org.name}
          style={{ whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", fontSize: 15 }}
        >
          {me.org.name}
        </strong>
      </Flex>
      <Flex align="center" gap={16}>
        <LanguageSwitch />
        <Dropdown
          trigger={["click"]}
          menu={{
            onClick: (e) => void onMenu(e.key),
            items: [
              { key: "password", icon: <KeyOutlined />, label: t.layout.changePassword },
              { key: "mfa", icon: <SafetyCertificateOutlined />, label: t.auth.mfaMenu },
              { key: "tokens", icon: <ApiOutlined />, label: t.layout.tokens },
              { type: "divider" },
              { key: "signout", icon: <LogoutOutlined />, label: t.layout.signOut, danger: true },
            ],
          }}
        >
          <button
            type="button"
            data-testid="user-menu"
            style={{ all: "unset", cursor: "pointer", display: "flex", alignItems: "center", gap: 8 }}
          >
            <Avatar size="small" icon={<UserOutlined />} style={{ background: "#a8071a" }} />
            <span style={{ lineHeight: 1.25 }}>
              <Typography.Text strong>{me.displayName}</Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {me.roles.map((r) => labels.role(r)).join(" · ")}
              </Typography.Text>
            </span>
            <DownOutlined style={{ fontSize: 10, color: "#8c8c8c" }} />
          </button>
        </Dropdown>
      </Flex>
      <ChangePasswordModal open={pwOpen} onClose={() => setPwOpen(false)} />
    </Layout.Header>
  );
}
