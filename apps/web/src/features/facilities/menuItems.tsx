// Side-menu entries for facilities: the vaults and sites, the compliance check
// and, for agencies, the staff register.
import { BankOutlined, SafetyCertificateOutlined, TeamOutlined } from "@ant-design/icons";
import type { MenuProps } from "antd";
import type { Me } from "../../api/types.ts";
import type { Dict } from "../../i18n/dict.ts";

type Item = Required<MenuProps>["items"][number];

export function facilitiesMenuItems(t: Dict, me: Me): Item[] {
  const f = t.facilities;
  return [
    { key: "/facilities", icon: <BankOutlined />, label: f.title },
    { key: "/facilities/compliance", icon: <SafetyCertificateOutlined />, label: f.complianceTitle },
    ...(me.org.kind === "agency"
      ? [{ key: "/facilities/staff", icon: <TeamOutlined />, label: f.staffTitle }]
      : []),
  ];
}
