// Side-menu entries for oversight: inspections, rectification, notices, plans; final acceptances.
import { FileDoneOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import type { MenuProps } from "antd";
import type { Dict } from "../../i18n/dict.ts";

type Item = Required<MenuProps>["items"][number];

export const oversightMenuItems = (t: Dict): Item[] => [
  { key: "/oversight", icon: <SafetyCertificateOutlined />, label: t.oversight.menu },
  { key: "/acceptances", icon: <FileDoneOutlined />, label: t.acceptance.menu },
];
