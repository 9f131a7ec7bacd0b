// Side-menu entry of the classification-mark alerts (Z-7.3, D-10.8).
import { AlertOutlined } from "@ant-design/icons";
import type { MenuProps } from "antd";
import type { Dict } from "../../i18n/dict.ts";

type Item = Required<MenuProps>["items"][number];

export function screeningItems(t: Dict): Item[] {
  return [{ key: "/screening", icon: <AlertOutlined />, label: t.screening.menu }];
}
