// The batch's items as catalogue metadata both parties confirmed (visible to
// both), with their content files. D-8.10: opening a file is the client's, or
// the agency's under the client's grant; the server refuses otherwise and logs
// every opening.
import { EyeOutlined, LockOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, Button, List, Modal, Space, Table, Tag, Typography, Upload } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { getCsrfToken } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatSize } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { type BatchDetail, type BatchItem, intakeApi } from "./api.ts";
import { CARRIER } from "./labels.ts";

function ContentFiles({
  batch,
  item,
  onClose,
}: {
  batch: BatchDetail;
  item: BatchItem;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const i = t.intake;
  const notify = useNotify();
  const me = useMe();
  const files = useQuery(() => intakeApi.contentFiles(batch.id, item.id), [item.id]);
  const isClient = me.orgId === batch.clientOrgId;
  const mayOpen = isClient || (me.orgId === batch.agencyOrgId && batch.contentAccess.granted);
  return (
    <Modal
      open
      title={i.contentOf(item.referenceCode ?? item.title ?? "")}
      onCancel={onClose}
      footer={null}
      width={640}
    >
      {!mayOpen && (
        <Alert
          type="warning"
          showIcon
          icon={<LockOutlined />}
          title={i.contentLocked}
          style={{ marginBottom: 12 }}
        />
      )}
      <ErrorAlert error={files.error} />
      <List
        data-testid="content-files"
        loading={files.loading}
        dataSource={files.data?.items ?? []}
        locale={{ emptyText: i.noContent }}
        renderItem={(f) => (
          <List.Item
            actions={[
              <Button
                key="open"
                size="small"
                icon={<EyeOutlined />}
                href={intakeApi.contentUrl(f.id)}
                target="_blank"
                disabled={!mayOpen}
                data-testid="open-content"
              >
                {i.openContent}
              </Button>,
            ]}
          >
            {f.filename} <Typography.Text type="secondary">{formatSize(f.sizeBytes)}</Typography.Text>
          </List.Item>
        )}
      />
      {batch.permissions.decideForClient && (
        <Upload
          name="file"
          action={`/api/intake/batches/${batch.id}/content?itemId=${item.id}`}
          headers={{ "x-csrf-token": getCsrfToken() ?? "" }}
          showUploadList={false}
          onChange={(info) => {
            if (info.file.status === "done") files.reload();
            if (info.file.status === "error") notify.error(info.file.response ?? info.file.error);
          }}
        >
          <Button icon={<UploadOutlined />} style={{ marginTop: 12 }}>
            {i.addContent}
          </Button>
        </Upload>
      )}
    </Modal>
  );
}

export function ItemsTab({ batch }: { batch: BatchDetail; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const i = t.intake;
  const items = useQuery(() => intakeApi.items(batch.id), [batch.id]);
  const [open, setOpen] = useState<BatchItem | null>(null);
  const columns: ColumnsType<BatchItem> = [
    { title: "#", dataIndex: "rowNo", width: 60 },
    {
      title: i.referenceCode,
      dataIndex: "referenceCode",
      width: 250,
      render: (c: string | null) => <span className="mono">{c ?? "—"}</span>,
    },
    { title: i.itemTitle, dataIndex: "title", render: (x: string | null) => x ?? "—" },
    {
      title: i.carrier,
      dataIndex: "carrier",
      width: 90,
      render: (c: string) => (CARRIER[c] ? pick(CARRIER[c]!) : c),
    },
    {
      title: i.boxNo,
      dataIndex: "boxNo",
      width: 90,
      render: (n: string | null) => n ?? <Tag>{i.unboxed}</Tag>,
    },
    {
      title: i.content,
      width: 120,
      render: (_, r) => (
        <Button size="small" icon={<EyeOutlined />} onClick={() => setOpen(r)}>
          {i.viewContent}
        </Button>
      ),
    },
  ];
  return (
    <div data-testid="items-tab">
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Typography.Paragraph type="secondary">{i.itemsIntro}</Typography.Paragraph>
        <ErrorAlert error={items.error} />
        <Table
          rowKey="id"
          size="small"
          loading={items.loading}
          columns={columns}
          dataSource={items.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
        />
      </Space>
      {open && <ContentFiles batch={batch} item={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
