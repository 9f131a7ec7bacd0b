// Side-menu entry of digitization quality control (Z-7.4).
import { SafetyCertificateOutlined } from "@ant-design/icons";
import type { MenuProps } from "antd";
import type { Dict } from "../../i18n/dict.ts";

type Item = Required<MenuProps>["items"][number];

export function digitizationQcItems(t: Dict): Item[] {
  return [{ key: "/digitization/qc", icon: <SafetyCertificateOutlined />, label: t.digitizationQc.menu }];
}
