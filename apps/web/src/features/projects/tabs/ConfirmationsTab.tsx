// Confirmations (D-8.2, Z-6.3): who confirmed which document's exact content,
// each signature re-verified by the server (✓/✗), with the offline bundle.
import { DownloadOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Button, Flex, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { attachmentsApi, confirmationsApi } from "../../../api/endpoints.ts";
import type { Confirmation, ProjectDetail } from "../../../api/types.ts";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { useQuery } from "../../../hooks/useQuery.ts";
import { formatDateTime } from "../../../i18n/format.ts";
import { useI18n } from "../../../i18n/LocaleContext.tsx";
import { Sm3 } from "../../attachments/AttachmentsPanel.tsx";
import { ConfirmModal } from "./ConfirmModal.tsx";

export function ConfirmationsTab({ project }: { project: ProjectDetail }) {
  const { t } = useI18n();
  const a = t.attachments;
  const [open, setOpen] = useState(false);
  const list = useQuery(() => confirmationsApi.list("project", project.id), [project.id]);
  const files = useQuery(() => attachmentsApi.list("project", project.id), [project.id]);
  const bySm3 = new Map((files.data?.items ?? []).map((f) => [f.sm3, f]));

  const columns: ColumnsType<Confirmation> = [
    {
      title: a.valid,
      dataIndex: "valid",
      width: 90,
      render: (v: boolean) =>
        v ? (
          <Tag color="success" data-valid="true">
            ✓ {a.validYes}
          </Tag>
        ) : (
          <Tag color="error" data-valid="false">
            ✗ {a.validNo}
          </Tag>
        ),
    },
    { title: a.documentKind, dataIndex: "documentKind", width: 120 },
    {
      title: a.document,
      dataIndex: "documentDigest",
      render: (d: string) => {
        const f = bySm3.get(d);
        return (
          <Space orientation="vertical" size={0}>
            {f ? (
              <a href={attachmentsApi.contentUrl(f.id)}>{f.filename}</a>
            ) : (
              <Typography.Text type="secondary">{a.unknownDocument}</Typography.Text>
            )}
            <Sm3 digest={d} />
          </Space>
        );
      },
    },
    { title: a.org, dataIndex: "orgName", ellipsis: true },
    { title: a.signer, dataIndex: "signerName", width: 100 },
    { title: a.signedAt, dataIndex: "signedAt", width: 150, render: (d: string) => formatDateTime(d) },
    {
      title: a.bundle,
      key: "bundle",
      width: 130,
      render: (_, c) => (
        <a href={confirmationsApi.bundleUrl(c.id)} download={`confirmation-${c.id}.json`}>
          <DownloadOutlined /> {a.bundle}
        </a>
      ),
    },
  ];

  return (
    <div data-testid="confirmations">
      <Flex justify="space-between" align="flex-start" gap={16} wrap className="table-toolbar">
        <Typography.Paragraph type="secondary" style={{ maxWidth: 820, margin: 0 }}>
          {a.confirmIntro}
        </Typography.Paragraph>
        {project.permissions.confirm && (
          <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={() => setOpen(true)}>
            {a.confirm}
          </Button>
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
        scroll={{ x: 980 }}
        locale={{ emptyText: <EmptyState text={a.confirmationsEmpty} /> }}
      />
      <ConfirmModal
        open={open}
        projectId={project.id}
        attachments={files.data?.items ?? []}
        onClose={() => setOpen(false)}
        onConfirmed={() => {
          setOpen(false);
          list.reload();
        }}
      />
    </div>
  );
}
