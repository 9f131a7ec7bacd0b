// The project's handover catalogues (D-8.2, D-8.3): status, entries and each
// party's confirmation; the client's officers import from here.
import { CheckCircleFilled, ClockCircleOutlined, UploadOutlined } from "@ant-design/icons";
import { Flex, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { Link } from "react-router-dom";
import type { ProjectDetail } from "../../api/project-types.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { LinkButton } from "../../components/LinkButton.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type Catalogue, cataloguesApi } from "./api.ts";
import { ImportJobsTable } from "./ImportJobsTable.tsx";
import { CATALOGUE_STATUS, LEVELS } from "./labels.ts";

export function PartyMark({ done }: { done: boolean }) {
  const { t } = useI18n();
  return done ? (
    <Tag icon={<CheckCircleFilled />} color="success">
      {t.catalogues.confirmed}
    </Tag>
  ) : (
    <Tag icon={<ClockCircleOutlined />}>{t.catalogues.notConfirmed}</Tag>
  );
}

export function CataloguesTab({ project }: { project: ProjectDetail }) {
  const { t, pick } = useI18n();
  const c = t.catalogues;
  const list = useQuery(() => cataloguesApi.list(project.id, { pageSize: 100 }), [project.id]);
  const custody = project.serviceType === "custody";

  const columns: ColumnsType<Catalogue> = [
    {
      title: c.name,
      dataIndex: "title",
      render: (title: string, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/catalogues/${r.id}`}>{title}</Link>
          {r.sourceName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.sourceName}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: c.level, dataIndex: "level", width: 120, render: (l: "item" | "box") => pick(LEVELS[l]) },
    {
      title: c.rows,
      dataIndex: "rowCount",
      width: 90,
      align: "right",
      render: (n: number) => n.toLocaleString(),
    },
    {
      title: c.quantity,
      dataIndex: "quantityTotal",
      width: 90,
      align: "right",
      render: (n: number) => n.toLocaleString(),
    },
    {
      title: c.status,
      dataIndex: "status",
      width: 130,
      render: (s: Catalogue["status"]) => (
        <Tag color={CATALOGUE_STATUS[s].color}>{pick(CATALOGUE_STATUS[s])}</Tag>
      ),
    },
    {
      title: c.clientSide,
      dataIndex: "clientConfirmed",
      width: 110,
      render: (v: boolean) => <PartyMark done={v} />,
    },
    {
      title: c.agencySide,
      dataIndex: "agencyConfirmed",
      width: 110,
      render: (v: boolean) => <PartyMark done={v} />,
    },
    { title: c.createdAt, dataIndex: "createdAt", width: 150, render: (d: string) => formatDateTime(d) },
  ];

  return (
    <div data-testid="catalogues-tab">
      <Flex justify="space-between" align="flex-start" gap={16} wrap className="table-toolbar">
        <Typography.Paragraph type="secondary" style={{ maxWidth: 860, margin: 0 }}>
          {c.intro}
        </Typography.Paragraph>
        {list.data?.mayImport && (
          <LinkButton
            type="primary"
            icon={<UploadOutlined />}
            to={`/projects/${project.id}/catalogues/import`}
          >
            {c.import}
          </LinkButton>
        )}
      </Flex>
      <ErrorAlert error={list.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <EmptyState text={custody ? c.empty : c.notCustody} /> }}
      />
      {list.data?.mayImport && <ImportJobsTable projectId={project.id} />}
    </div>
  );
}
