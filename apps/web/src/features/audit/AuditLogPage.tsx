// The audit log: events visible to me with filters (action, record type, date
// range), pagination, Excel export and hash-chain verification.

import { Card, DatePicker, Flex, Select, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import type { ApiError } from "../../api/client.ts";
import { auditApi } from "../../api/endpoints.ts";
import type { AuditAction, VerifyResult } from "../../api/types.ts";
import { ExportButton } from "../../components/ExportButton.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { AUDIT_ACTION, ENTITY_TYPE } from "../../i18n/labels.ts";
import { canVerifyAudit } from "../../session/roles.ts";
import { useMe } from "../../session/SessionContext.tsx";
import { useAuditColumns } from "./useAuditColumns.tsx";
import { VerifyChainButton, VerifyResultView } from "./VerifyChain.tsx";

const FILTERS = ["action", "entityType", "from", "to"] as const;

export function AuditLogPage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const a = t.audit;
  const f = useUrlFilters(FILTERS);
  const { action, entityType, from, to } = f.values;
  // The API's `to` is exclusive; the picker's end day is inclusive.
  const filters = {
    action,
    entityType,
    from,
    to: to ? dayjs(to).add(1, "day").format("YYYY-MM-DD") : undefined,
  };
  const query = { ...filters, page: f.page, pageSize: f.pageSize };
  const list = useQuery((signal) => auditApi.list(query, signal), [JSON.stringify(query)]);
  const columns = useAuditColumns({ withEntity: true });
  const [verified, setVerified] = useState<VerifyResult | ApiError>();
  const filtered = FILTERS.some((k) => f.values[k]);

  return (
    <>
      <PageHeader
        title={a.title}
        subtitle={a.subtitle}
        extra={
          <>
            <ExportButton href={auditApi.exportUrl(filters)} />
            {canVerifyAudit(me) && <VerifyChainButton onResult={setVerified} />}
          </>
        }
      />
      {verified && <VerifyResultView result={verified} />}
      <Card>
        <Flex gap={12} wrap className="table-toolbar">
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={a.allActions}
            aria-label={a.allActions}
            style={{ width: 220 }}
            value={action}
            onChange={(v) => f.set({ action: v })}
            options={(Object.keys(AUDIT_ACTION) as AuditAction[]).map((k) => ({
              value: k,
              label: pick(AUDIT_ACTION[k]),
            }))}
          />
          <Select
            allowClear
            placeholder={a.allEntities}
            aria-label={a.allEntities}
            style={{ width: 160 }}
            value={entityType}
            onChange={(v) => f.set({ entityType: v })}
            options={Object.entries(ENTITY_TYPE).map(([value, l]) => ({ value, label: pick(l) }))}
          />
          <DatePicker.RangePicker
            aria-label={t.common.dateRange}
            value={from && to ? [dayjs(from), dayjs(to)] : null}
            onChange={(range) =>
              f.set({
                from: range?.[0]?.format("YYYY-MM-DD"),
                to: range?.[1]?.format("YYYY-MM-DD"),
              })
            }
          />
          {filtered && (
            <Typography.Link onClick={f.reset} style={{ alignSelf: "center" }}>
              {t.common.reset}
            </Typography.Link>
          )}
        </Flex>
        <PagedTable
          list={list}
          paging={f}
          filtered={filtered}
          empty={a.empty}
          rowKey="seq"
          columns={columns}
          scroll={{ x: 1100 }}
          expandable={{
            expandedRowRender: (e) => (
              <pre className="mono" style={{ margin: 0, whiteSpace: "pre-wrap" }}>
                {JSON.stringify({ entityId: e.entityId, payload: e.payload, hash: e.hash }, null, 2)}
              </pre>
            ),
          }}
        />
      </Card>
    </>
  );
}
