// Intake batches visible to me (D-8.1): search, step filter, project filter in
// the URL, server pagination, Excel export; the parties start new batches.
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Select, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { serverPagination } from "../../components/pagination.ts";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { type BatchSummary, type IntakeState, intakeApi } from "./api.ts";
import { STATE } from "./labels.ts";
import { NewBatchModal } from "./NewBatchModal.tsx";
import { ProjectFilter } from "./ProjectFilter.tsx";

const FILTERS = ["q", "status", "projectId"] as const;

export function IntakeListPage() {
  const { t, pick } = useI18n();
  const i = t.intake;
  const me = useMe();
  const navigate = useNavigate();
  const f = useUrlFilters(FILTERS);
  const query = { ...f.values, page: f.page, pageSize: f.pageSize };
  const list = useQuery((signal) => intakeApi.list(query, signal), [JSON.stringify(query)]);
  const [creating, setCreating] = useState(false);
  const mayCreate = me.org.kind !== "regulator";
  const filtered = FILTERS.some((k) => f.values[k]);

  const columns: ColumnsType<BatchSummary> = [
    {
      title: i.batch,
      dataIndex: "code",
      width: 190,
      render: (code: string, r) => (
        <Link to={`/intake/${r.id}`} className="mono">
          {code}
        </Link>
      ),
    },
    { title: i.title, dataIndex: "title" },
    {
      title: i.project,
      dataIndex: "projectName",
      render: (n: string, r) => <Link to={`/projects/${r.projectId}`}>{n}</Link>,
    },
    {
      title: me.org.kind === "client" ? i.agency : i.client,
      render: (_, r) => (me.org.kind === "client" ? r.agencyName : r.clientName),
    },
    {
      title: i.step,
      dataIndex: "status",
      width: 120,
      render: (s: IntakeState) => (
        <Tag color={STATE[s].color} data-status={s}>
          {pick(STATE[s])}
        </Tag>
      ),
    },
    { title: i.boxes, dataIndex: "boxCount", width: 80, align: "right" },
    { title: i.createdAt, dataIndex: "createdAt", width: 150, render: (d: string) => formatDateTime(d) },
  ];

  return (
    <>
      <PageHeader
        title={i.listTitle}
        subtitle={i.listSubtitle}
        extra={
          <>
            <ExportButton href={intakeApi.exportUrl(f.values)} />
            {mayCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {i.newBatch}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput value={f.values.q} onSearch={(q) => f.set({ q })} placeholder={i.searchPlaceholder} />
          <ProjectFilter value={f.values.projectId} onChange={(projectId) => f.set({ projectId })} />
          <Select
            allowClear
            placeholder={i.allSteps}
            aria-label={i.allSteps}
            style={{ width: 160 }}
            value={f.values.status}
            onChange={(status) => f.set({ status })}
            options={(Object.keys(STATE) as IntakeState[]).map((s) => ({ value: s, label: pick(STATE[s]) }))}
          />
          {filtered && <Button onClick={f.reset}>{t.common.reset}</Button>}
        </Flex>
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          size="middle"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={serverPagination(
            f.page,
            f.pageSize,
            list.data?.total,
            t.common.total,
            (page, pageSize) => f.set({ page, pageSize }),
          )}
          locale={{ emptyText: <EmptyState text={filtered ? t.common.emptyFiltered : i.empty} /> }}
        />
      </Card>
      <NewBatchModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => navigate(`/intake/${id}`)}
      />
    </>
  );
}
