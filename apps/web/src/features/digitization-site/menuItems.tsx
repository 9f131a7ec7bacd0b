// Side-menu entry of the digitization site (Z-5.5–Z-8.3), in the "数字化 / Digitization" group.
import { ApartmentOutlined } from "@ant-design/icons";
import type { MenuProps } from "antd";
import type { Dict } from "../../i18n/dict.ts";

type Item = Required<MenuProps>["items"][number];

export function digitizationSiteItems(t: Dict): Item[] {
  return [{ key: "/digitization/site", icon: <ApartmentOutlined />, label: t.digitizationSite.menu }];
}
