// The client's recent catalogue imports in a project, with their outcome.
import { Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { Link } from "react-router-dom";
import { EmptyState } from "../../components/EmptyState.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime, formatSize } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { cataloguesApi, type ImportJob } from "./api.ts";
import { IMPORT_STATUS } from "./labels.ts";

export function ImportJobsTable({ projectId }: { projectId: string }) {
  const { t, pick } = useI18n();
  const c = t.catalogues;
  const jobs = useQuery(() => cataloguesApi.jobs(projectId, { pageSize: 10 }), [projectId]);
  const columns: ColumnsType<ImportJob> = [
    {
      title: c.source,
      dataIndex: "sourceName",
      render: (name: string, j) => (
        <Link to={`/projects/${projectId}/catalogues/import?job=${j.id}`}>{name}</Link>
      ),
    },
    {
      title: c.rows,
      dataIndex: "rowsRead",
      width: 100,
      align: "right",
      render: (n: number) => n.toLocaleString(),
    },
    { title: c.size, dataIndex: "sizeBytes", width: 100, render: (n: number) => formatSize(n) },
    {
      title: c.status,
      dataIndex: "status",
      width: 130,
      render: (s: ImportJob["status"], j) => (
        <Tag color={IMPORT_STATUS[s].color}>
          {pick(IMPORT_STATUS[s])}
          {j.problemCount > 0 ? ` · ${j.problemCount}` : ""}
        </Tag>
      ),
    },
    { title: c.createdAt, dataIndex: "createdAt", width: 150, render: (d: string) => formatDateTime(d) },
  ];
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {c.recentImports}
      </Typography.Title>
      <Table
        rowKey="id"
        size="small"
        loading={jobs.loading}
        columns={columns}
        dataSource={jobs.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyState text={c.noImports} /> }}
      />
    </>
  );
}
