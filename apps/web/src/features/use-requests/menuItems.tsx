// Side-menu entries for written grants and the use register (D-10).
import { AuditOutlined, ReadOutlined } from "@ant-design/icons";
import type { MenuProps } from "antd";
import type { Dict } from "../../i18n/dict.ts";

type Item = Required<MenuProps>["items"][number];

export function retrievalItems(t: Dict, withGrants: boolean): Item[] {
  return [
    ...(withGrants ? [{ key: "/grants", icon: <AuditOutlined />, label: t.retrieval.grantsMenu }] : []),
    { key: "/use-requests", icon: <ReadOutlined />, label: t.retrieval.requestsMenu },
  ];
}
