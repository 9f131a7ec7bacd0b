// Columns shared by the audit log and the per-record audit trail.
import { Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { Link } from "react-router-dom";
import type { AuditAction, AuditEvent } from "../../api/types.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { AUDIT_ACTION, ENTITY_TYPE } from "../../i18n/labels.ts";
import { useMeta } from "../../session/MetaContext.tsx";
import { summarisePayload } from "./summarise.ts";

function entityLink(e: AuditEvent): string | null {
  if (e.entityType === "project") return `/projects/${e.entityId}`;
  if (e.entityType === "organisation") return `/organisations/${e.entityId}`;
  if (typeof e.payload?.projectId === "string") return `/projects/${e.payload.projectId}`;
  return null;
}

export function useAuditColumns({ withEntity }: { withEntity: boolean }): ColumnsType<AuditEvent> {
  const { t, pick } = useI18n();
  const { labels } = useMeta();
  const a = t.audit;
  const cols: ColumnsType<AuditEvent> = [
    { title: a.seq, dataIndex: "seq", width: 70, render: (n: number) => <span className="mono">{n}</span> },
    {
      title: t.common.time,
      dataIndex: "at",
      width: 140,
      render: (d: string) => <span style={{ whiteSpace: "nowrap" }}>{formatDateTime(d)}</span>,
    },
    {
      title: a.actor,
      dataIndex: "actorName",
      width: 110,
      render: (n: string | null, e) =>
        n ?? (
          <Tooltip title={typeof e.payload?.operator === "string" ? e.payload.operator : null}>
            <Typography.Text type="secondary">{a.systemActor}</Typography.Text>
          </Tooltip>
        ),
    },
    {
      title: a.action,
      dataIndex: "action",
      width: 150,
      render: (action: string) => {
        const l = AUDIT_ACTION[action as AuditAction];
        return (
          <Tooltip title={action}>
            <Tag color={l?.color ?? "default"} data-action={action}>
              {l ? pick(l) : action}
            </Tag>
          </Tooltip>
        );
      },
    },
    {
      title: a.entity,
      dataIndex: "entityType",
      width: 110,
      render: (type: string, e) => {
        const label = ENTITY_TYPE[type] ? pick(ENTITY_TYPE[type]) : type;
        const to = entityLink(e);
        return to ? <Link to={to}>{label}</Link> : label;
      },
    },
    {
      title: a.summary,
      key: "summary",
      ellipsis: true,
      render: (_, e) => summarisePayload(e, t, pick, labels.serviceType),
    },
    {
      title: a.hash,
      dataIndex: "hash",
      width: 120,
      render: (h: string) => (
        <Typography.Text className="mono" type="secondary" copyable={{ text: h }} title={h}>
          {h.slice(0, 10)}
        </Typography.Text>
      ),
    },
  ];
  return withEntity ? cols : cols.filter((c) => !("dataIndex" in c && c.dataIndex === "entityType"));
}
