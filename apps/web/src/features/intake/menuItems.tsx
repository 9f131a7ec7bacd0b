// Side-menu entries for intake batches and boxes (the client's "my boxes").
import { ImportOutlined, InboxOutlined } from "@ant-design/icons";
import type { MenuProps } from "antd";
import type { Me } from "../../api/types.ts";
import type { Dict } from "../../i18n/dict.ts";

type Item = Required<MenuProps>["items"][number];

export function intakeMenuItems(t: Dict, me: Me): Item[] {
  return [
    ...(me.org.kind === "regulator"
      ? []
      : [{ key: "/intake", icon: <ImportOutlined />, label: t.intake.menu }]),
    {
      key: "/boxes",
      icon: <InboxOutlined />,
      label: me.org.kind === "client" ? t.boxes.menuClient : t.boxes.menu,
    },
  ];
}
