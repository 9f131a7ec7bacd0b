// Attachments of a record: upload (multipart field `file`, with the CSRF
// header) and the list with each file's SM3 digest and a download link.
import { UploadOutlined } from "@ant-design/icons";
import { Button, Flex, Input, Space, Table, Typography, Upload } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { ApiError, getCsrfToken } from "../../api/client.ts";
import { attachmentsApi } from "../../api/endpoints.ts";
import type { Attachment, EntityType } from "../../api/types.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime, formatSize } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";

export function Sm3({ digest }: { digest: string }) {
  return (
    <Typography.Text className="mono" copyable={{ text: digest }} title={digest}>
      {digest.slice(0, 16)}…
    </Typography.Text>
  );
}

export function AttachmentsPanel({
  entityType,
  entityId,
  canUpload,
}: {
  entityType: EntityType;
  entityId: string;
  canUpload: boolean;
}) {
  const { t } = useI18n();
  const a = t.attachments;
  const notify = useNotify();
  const [label, setLabel] = useState("");
  const [uploadError, setUploadError] = useState<ApiError>();
  const list = useQuery(() => attachmentsApi.list(entityType, entityId), [entityType, entityId]);

  const columns: ColumnsType<Attachment> = [
    {
      title: a.filename,
      dataIndex: "filename",
      render: (name: string, r) => (
        <Space orientation="vertical" size={0}>
          <a href={attachmentsApi.contentUrl(r.id)} download>
            {name}
          </a>
          {r.label && <Typography.Text type="secondary">{r.label}</Typography.Text>}
        </Space>
      ),
    },
    { title: a.sm3, dataIndex: "sm3", width: 230, render: (d: string) => <Sm3 digest={d} /> },
    {
      title: a.mediaType,
      dataIndex: "mediaType",
      width: 140,
      ellipsis: true,
      render: (m: string) => <span title={m}>{m.split("/").pop()}</span>,
    },
    { title: a.size, dataIndex: "sizeBytes", width: 100, render: (n: number) => formatSize(n) },
    { title: a.uploader, dataIndex: "uploaderName", width: 100, render: (n: string | null) => n ?? "—" },
    { title: a.uploadedAt, dataIndex: "createdAt", width: 150, render: (d: string) => formatDateTime(d) },
  ];

  return (
    <div data-testid="attachments">
      <Typography.Paragraph type="secondary">{a.intro}</Typography.Paragraph>
      {canUpload && (
        <Flex gap={12} wrap align="center" className="table-toolbar">
          <Input
            style={{ width: 260 }}
            value={label}
            maxLength={200}
            onChange={(e) => setLabel(e.target.value)}
            placeholder={a.labelPlaceholder}
            aria-label={a.label}
          />
          <Upload
            name="file"
            action={attachmentsApi.uploadUrl(entityType, entityId, label.trim() || undefined)}
            headers={{ "x-csrf-token": getCsrfToken() ?? "" }}
            withCredentials
            showUploadList={false}
            onChange={({ file }) => {
              if (file.status === "done") {
                setUploadError(undefined);
                setLabel("");
                notify.success(a.uploaded(file.name));
                list.reload();
              } else if (file.status === "error") {
                const status = (file.error as { status?: number } | undefined)?.status ?? 0;
                setUploadError(new ApiError(status, (file.response as object | undefined) ?? {}));
              }
            }}
          >
            <Button type="primary" icon={<UploadOutlined />}>
              {a.upload}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.uploadHint}
          </Typography.Text>
        </Flex>
      )}
      <ErrorAlert error={uploadError} onClose={() => setUploadError(undefined)} />
      <ErrorAlert error={list.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <EmptyState text={a.empty} /> }}
      />
    </div>
  );
}
