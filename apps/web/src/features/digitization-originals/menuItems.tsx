// Side-menu entries of the originals under digitization (Z-6.1–Z-8.1).
import { ContainerOutlined } from "@ant-design/icons";
import type { MenuProps } from "antd";
import type { OrgKind } from "../../api/types.ts";
import type { Dict } from "../../i18n/dict.ts";

type Item = Required<MenuProps>["items"][number];

export function digitizationOriginalsItems(t: Dict, _kind: OrgKind): Item[] {
  return [
    { key: "/digitization/originals", icon: <ContainerOutlined />, label: t.digitizationOriginals.menu },
  ];
}
