// Table columns for project lists (projects page and home pages).
import { Space, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { Link } from "react-router-dom";
import type { Project } from "../../api/types.ts";
import {
  ForeignBackedTag,
  NationalScopeTag,
  ProjectStatusTag,
  ServiceTypeTag,
} from "../../components/Tags.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";

export function useProjectColumns(opts: { compact?: boolean } = {}): ColumnsType<Project> {
  const { t } = useI18n();
  const p = t.projects;
  const cols: ColumnsType<Project> = [
    {
      title: p.code,
      dataIndex: "code",
      width: 120,
      render: (code: string, r) => (
        <Link to={`/projects/${r.id}`} className="mono">
          {code}
        </Link>
      ),
    },
    {
      title: p.name,
      dataIndex: "name",
      width: 240,
      render: (name: string, r) => (
        <Link to={`/projects/${r.id}`} style={{ fontWeight: 500 }}>
          {name}
        </Link>
      ),
    },
    {
      title: p.serviceType,
      dataIndex: "serviceType",
      width: 150,
      render: (s: Project["serviceType"]) => <ServiceTypeTag type={s} />,
    },
    {
      title: p.client,
      dataIndex: "clientName",
      width: 230,
      ellipsis: true,
      render: (n: string, r) => (
        <Tooltip title={n}>
          <Link to={`/organisations/${r.clientOrgId}`}>{n}</Link>
        </Tooltip>
      ),
    },
    {
      title: p.agency,
      dataIndex: "agencyName",
      width: 230,
      ellipsis: true,
      render: (n: string, r) => (
        <Tooltip title={n}>
          <Link to={`/organisations/${r.agencyOrgId}`}>{n}</Link>
        </Tooltip>
      ),
    },
    {
      title: p.flagsColumn,
      key: "flags",
      width: 170,
      render: (_, r) => (
        <Space size={4} wrap>
          {r.hasNationalScope && <NationalScopeTag />}
          {r.agencyForeignBacked && <ForeignBackedTag />}
          {!r.hasNationalScope && !r.agencyForeignBacked && (
            <Typography.Text type="secondary">—</Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t.common.status,
      dataIndex: "status",
      width: 100,
      render: (s: Project["status"]) => <ProjectStatusTag status={s} />,
    },
    {
      title: t.common.createdAt,
      dataIndex: "createdAt",
      width: 150,
      render: (d: string) => <span style={{ whiteSpace: "nowrap" }}>{formatDateTime(d)}</span>,
    },
  ];
  return opts.compact
    ? cols.filter((c) => c.key !== "flags" && !("dataIndex" in c && c.dataIndex === "createdAt"))
    : cols;
}
