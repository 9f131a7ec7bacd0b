// The side menu, by organisation kind: regulators supervise projects and the
// registry, clients run their projects, agencies see the work they serve.
import {
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  DashboardOutlined,
  PlusCircleOutlined,
  ProjectOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { Menu, type MenuProps } from "antd";
import { useLocation, useNavigate } from "react-router-dom";
import type { Me } from "../api/types.ts";
import { catalogueSearchItems } from "../features/catalogue-search/menuItems.tsx";
import { digitizationOriginalsItems } from "../features/digitization-originals/menuItems.tsx";
import { digitizationQcItems } from "../features/digitization-qc/menuItems.tsx";
import { digitizationSiteItems } from "../features/digitization-site/menuItems.tsx";
import { environmentMenuItems } from "../features/environment/menuItems.tsx";
import { facilitiesMenuItems } from "../features/facilities/menuItems.tsx";
import { intakeMenuItems } from "../features/intake/menuItems.tsx";
import { custodyRecordItems } from "../features/inventory/menuItems.tsx";
import { oversightMenuItems } from "../features/oversight/menuItems.tsx";
import { pageTextItems } from "../features/page-text/menuItems.tsx";
import { registryMenuItems } from "../features/registry/menuItems.tsx";
import { screeningItems } from "../features/screening/menuItems.tsx";
import { retrievalItems } from "../features/use-requests/menuItems.tsx";
import { useServicesItems } from "../features/use-services/menuItems.tsx";
import type { Dict } from "../i18n/dict.ts";
import { useI18n } from "../i18n/LocaleContext.tsx";
import { canCreateProject, isOrgAdmin } from "../session/roles.ts";
import { useMe } from "../session/SessionContext.tsx";

type Item = Required<MenuProps>["items"][number];

function workItems(me: Me, l: Dict["layout"]): Item[] {
  const kind = me.org.kind;
  if (kind === "regulator")
    return [
      { key: "/projects", icon: <ProjectOutlined />, label: l.projectsRegulator },
      { key: "/organisations?kind=agency", icon: <ShopOutlined />, label: l.agencies },
      { key: "/organisations", icon: <BankOutlined />, label: l.organisations },
    ];
  if (kind === "client")
    return [
      { key: "/projects", icon: <ProjectOutlined />, label: l.projectsClient },
      ...(canCreateProject(me)
        ? [{ key: "/projects/new", icon: <PlusCircleOutlined />, label: l.newProject }]
        : []),
      { key: "/organisations?kind=agency", icon: <ShopOutlined />, label: l.agencies },
      { key: `/organisations/${me.orgId}`, icon: <SolutionOutlined />, label: l.myOrg },
    ];
  return [
    { key: "/projects", icon: <ProjectOutlined />, label: l.projectsAgency },
    { key: `/organisations/${me.orgId}`, icon: <SolutionOutlined />, label: l.myOrg },
    { key: "/organisations", icon: <BankOutlined />, label: l.organisations },
  ];
}

function keysOf(items: Item[]): string[] {
  return items.flatMap((i) => {
    if (!i) return [];
    if ("children" in i && i.children) return keysOf(i.children as Item[]);
    return typeof i.key === "string" ? [i.key] : [];
  });
}

/** The menu key for a location: an exact match first, then the longest path prefix. */
function selectedKey(keys: string[], pathname: string, search: string): string {
  const params = new URLSearchParams(search);
  const withQuery = keys.find((k) => {
    const [path, query] = k.split("?");
    if (!query || path !== pathname) return false;
    return [...new URLSearchParams(query)].every(([name, value]) => params.get(name) === value);
  });
  if (withQuery) return withQuery;
  const prefix = keys
    .filter((k) => !k.includes("?") && k !== "/" && (pathname === k || pathname.startsWith(`${k}/`)))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ?? (pathname === "/" ? "/" : "");
}

export function SideMenu() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const l = t.layout;

  const items: Item[] = [
    { key: "/", icon: <DashboardOutlined />, label: l.home },
    {
      type: "group",
      key: "work",
      label: l.groupWork,
      children: [
        ...workItems(me, l),
        ...intakeMenuItems(t, me),
        ...custodyRecordItems(t),
        ...catalogueSearchItems(t, me.org.kind),
        ...(me.org.kind === "regulator" ? [] : retrievalItems(t, me.org.kind !== "agency")),
        ...useServicesItems(t, me.org.kind),
        ...facilitiesMenuItems(t, me),
        ...environmentMenuItems(t, me),
      ],
    },
    {
      type: "group",
      key: "digitization",
      label: l.groupDigitization,
      children: [
        ...digitizationSiteItems(t),
        ...digitizationOriginalsItems(t, me.org.kind),
        ...digitizationQcItems(t),
        ...pageTextItems(t),
        ...screeningItems(t),
      ],
    },
    {
      type: "group",
      key: "oversight",
      label: l.groupOversight,
      children: [
        ...oversightMenuItems(t),
        ...registryMenuItems(t, me),
        { key: "/audit", icon: <AuditOutlined />, label: l.audit },
        { key: "/clauses", icon: <BookOutlined />, label: l.clauses },
      ],
    },
    {
      type: "group",
      key: "system",
      label: l.groupSystem,
      children: [
        ...(isOrgAdmin(me) ? [{ key: "/users", icon: <TeamOutlined />, label: l.users }] : []),
        { key: "/tokens", icon: <ApiOutlined />, label: l.tokens },
      ],
    },
  ];

  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selectedKey(keysOf(items), pathname, search)]}
      items={items}
      onClick={(e) => navigate(e.key)}
      style={{ borderInlineEnd: 0, paddingTop: 8 }}
    />
  );
}
