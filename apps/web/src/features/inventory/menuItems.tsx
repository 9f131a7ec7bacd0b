// Side-menu entries for inventory checks, the movement register and statistics.
import { BarChartOutlined, ScanOutlined, SwapOutlined } from "@ant-design/icons";
import type { MenuProps } from "antd";
import type { Dict } from "../../i18n/dict.ts";

type Item = Required<MenuProps>["items"][number];

export function custodyRecordItems(t: Dict): Item[] {
  return [
    { key: "/inventory", icon: <ScanOutlined />, label: t.inventory.menu },
    { key: "/movements", icon: <SwapOutlined />, label: t.movements.menu },
    { key: "/statistics", icon: <BarChartOutlined />, label: t.statistics.menu },
  ];
}
