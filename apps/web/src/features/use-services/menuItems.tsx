// Side-menu entries for loans, scan jobs and remote copies (D-3.12, D-10.6, D-10.8).
import { CameraOutlined, CloudDownloadOutlined, SwapOutlined } from "@ant-design/icons";
import type { MenuProps } from "antd";
import type { OrgKind } from "../../api/types.ts";
import type { Dict } from "../../i18n/dict.ts";

type Item = Required<MenuProps>["items"][number];

export function useServicesItems(t: Dict, kind: OrgKind): Item[] {
  const m = t.useServices;
  if (kind === "agency")
    return [
      { key: "/loans", icon: <SwapOutlined />, label: m.loansMenu },
      { key: "/scan-jobs", icon: <CameraOutlined />, label: m.scanJobsMenu },
      { key: "/remote-copies", icon: <CloudDownloadOutlined />, label: m.remoteCopiesMenu },
    ];
  if (kind === "client")
    return [
      { key: "/remote-copies", icon: <CloudDownloadOutlined />, label: m.myRemoteCopiesMenu },
      { key: "/loans", icon: <SwapOutlined />, label: m.myLoansMenu },
    ];
  return [];
}
