// The audit trail of one record (GET /api/audit/trail): time, actor, action,
// a payload summary and the event's hash prefix.
import { Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { auditApi } from "../../api/endpoints.ts";
import type { AuditEvent, EntityType } from "../../api/types.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useAuditColumns } from "./useAuditColumns.tsx";

export function AuditTrail({ entityType, entityId }: { entityType: EntityType; entityId: string }) {
  const { t } = useI18n();
  const trail = useQuery(() => auditApi.trail(entityType, entityId), [entityType, entityId]);
  const columns: ColumnsType<AuditEvent> = useAuditColumns({ withEntity: false });
  return (
    <div data-testid="audit-trail">
      <Typography.Paragraph type="secondary">{t.audit.trailIntro}</Typography.Paragraph>
      <ErrorAlert error={trail.error} />
      <Table
        rowKey="seq"
        size="middle"
        loading={trail.loading}
        columns={columns}
        dataSource={trail.data?.items ?? []}
        pagination={(trail.data?.items.length ?? 0) > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 900 }}
        expandable={{
          expandedRowRender: (e) => (
            <pre className="mono" style={{ margin: 0, whiteSpace: "pre-wrap" }}>
              {JSON.stringify(e.payload, null, 2)}
            </pre>
          ),
        }}
        locale={{ emptyText: <EmptyState text={t.audit.empty} /> }}
      />
    </div>
  );
}
