// Side-menu entry for the full-text search of digitized pages (D-10.1).
import { FileTextOutlined } from "@ant-design/icons";
import type { MenuProps } from "antd";
import type { Dict } from "../../i18n/dict.ts";

type Item = Required<MenuProps>["items"][number];

export const pageTextItems = (t: Dict): Item[] => [
  { key: "/full-text", icon: <FileTextOutlined />, label: t.pageText.menu },
];
