// Side-menu entry for the catalogue search (clients and agencies; not regulators).
import { FileSearchOutlined } from "@ant-design/icons";
import type { MenuProps } from "antd";
import type { Dict } from "../../i18n/dict.ts";

type Item = Required<MenuProps>["items"][number];

export const catalogueSearchItems = (t: Dict, orgKind: string): Item[] =>
  orgKind === "regulator"
    ? []
    : [{ key: "/catalogue-search", icon: <FileSearchOutlined />, label: t.catalogueSearch.menu }];
