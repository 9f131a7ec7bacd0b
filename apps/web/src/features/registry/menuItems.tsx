// Side-menu entries for the agency registry, filings, incidents and the market view.
import { AlertOutlined, FileProtectOutlined, FundOutlined, ShopOutlined } from "@ant-design/icons";
import type { MenuProps } from "antd";
import type { Me } from "../../api/types.ts";
import type { Dict } from "../../i18n/dict.ts";

type Item = Required<MenuProps>["items"][number];

export function registryMenuItems(t: Dict, me: Me): Item[] {
  const r = t.registry;
  return [
    ...(me.org.kind === "client"
      ? []
      : [{ key: "/registry", icon: <ShopOutlined />, label: r.menuRegistry }]),
    ...(me.org.kind === "agency"
      ? []
      : [{ key: "/filings", icon: <FileProtectOutlined />, label: r.menuFilings }]),
    { key: "/incidents", icon: <AlertOutlined />, label: r.menuIncidents },
    ...(me.org.kind === "agency" ? [] : [{ key: "/market", icon: <FundOutlined />, label: r.menuMarket }]),
  ];
}
