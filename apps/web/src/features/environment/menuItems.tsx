// Side-menu entries for the vault environment and the entry log: everyone who
// may see a vault sees its environment; the entry log is the agency's and its
// supervisors' (clients never see it).
import { AlertOutlined, CloudOutlined, LoginOutlined } from "@ant-design/icons";
import type { MenuProps } from "antd";
import type { Me } from "../../api/types.ts";
import type { Dict } from "../../i18n/dict.ts";

type Item = Required<MenuProps>["items"][number];

export function environmentMenuItems(t: Dict, me: Me): Item[] {
  return [
    { key: "/environment", icon: <CloudOutlined />, label: t.environment.menu },
    { key: "/environment/alerts", icon: <AlertOutlined />, label: t.environment.alertsMenu },
    ...(me.org.kind === "client"
      ? []
      : [{ key: "/vault-access", icon: <LoginOutlined />, label: t.vaultAccess.menu }]),
  ];
}
