// Delivered remote copies (D-3.12): file, expiry, digests, download or withdraw.
import { DownloadOutlined } from "@ant-design/icons";
import { Button, Popconfirm, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useNotify } from "../../components/useNotify.tsx";
import { formatDateTime, formatSize } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { screeningApi } from "../screening/api.ts";
import { type Delivery, useServicesApi } from "./api.ts";

const HELD = ["held", "unscreenable", "blocked"];

/** The state of a download link: held by the screening (D-10.8), live, expired or withdrawn. */
export function DeliveryState({ d }: { d: Delivery }) {
  const { t } = useI18n();
  const m = t.useServices;
  if (HELD.includes(d.screening))
    return (
      <Tag color={d.screening === "blocked" ? "purple" : "red"} data-testid="delivery-held">
        {m.screening(d.screening)}
      </Tag>
    );
  if (d.withdrawnAt) return <Tag>{m.withdrawn}</Tag>;
  if (Date.parse(d.expiresAt) < Date.now()) return <Tag color="default">{m.expired}</Tag>;
  return <span>{formatDateTime(d.expiresAt)}</span>;
}

export function Digests({ d }: { d: Delivery }) {
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text className="mono" style={{ fontSize: 12 }} copyable={{ text: d.sm3 }}>
        SM3 {d.sm3.slice(0, 16)}…
      </Typography.Text>
      <Typography.Text className="mono" style={{ fontSize: 12 }} copyable={{ text: d.sha256 }}>
        SHA-256 {d.sha256.slice(0, 16)}…
      </Typography.Text>
    </Space>
  );
}

export const live = (d: Delivery) =>
  !HELD.includes(d.screening) && !d.withdrawnAt && Date.parse(d.expiresAt) >= Date.now();

/** D-10.8: the client releases or blocks a held file from here (the server refuses anyone else). */
function ScreeningDecision({ d, onDone }: { d: Delivery; onDone: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const me = useMe();
  if (me.org.kind !== "client" || (d.screening !== "held" && d.screening !== "unscreenable")) return null;
  const decide = (decision: "clear" | "confirm") =>
    screeningApi.decideRemoteCopy(d.id, decision).then(onDone, notify.error);
  return (
    <>
      <Popconfirm
        title={t.screening.clear}
        description={t.screening.clearHint}
        onConfirm={() => decide("clear")}
      >
        <Button size="small" data-testid="delivery-release">
          {t.useServices.release}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={t.screening.confirm}
        description={t.screening.confirmHint}
        onConfirm={() => decide("confirm")}
      >
        <Button size="small" danger>
          {t.screening.confirm}
        </Button>
      </Popconfirm>
    </>
  );
}

export function DownloadButton({ d }: { d: Delivery }) {
  const m = useI18n().t.useServices;
  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      href={useServicesApi.downloadUrl(d.id)}
      disabled={!live(d)}
      data-testid="download"
    >
      {m.download}
    </Button>
  );
}

export function DeliveriesTable({
  rows,
  canDownload,
  canWithdraw,
  onDone,
}: {
  rows: Delivery[];
  canDownload: boolean;
  canWithdraw: boolean;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const m = t.useServices;
  const notify = useNotify();
  const columns: ColumnsType<Delivery> = [
    { title: m.filename, dataIndex: "filename", ellipsis: true },
    { title: m.size, width: 90, render: (_, d) => formatSize(d.sizeBytes) },
    { title: m.deliveredAt, width: 150, render: (_, d) => formatDateTime(d.deliveredAt) },
    { title: m.expiresAt, width: 150, render: (_, d) => <DeliveryState d={d} /> },
    { title: m.digests, width: 250, render: (_, d) => <Digests d={d} /> },
    {
      title: "",
      width: 240,
      render: (_, d) => (
        <Space wrap>
          {canDownload && <DownloadButton d={d} />}
          <ScreeningDecision d={d} onDone={onDone} />
          {canWithdraw && !d.withdrawnAt && (
            <Popconfirm
              title={m.withdraw}
              onConfirm={() => useServicesApi.withdraw(d.id).then(onDone, notify.error)}
            >
              <Button size="small" danger>
                {m.withdraw}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      columns={columns}
      locale={{ emptyText: m.noDeliveries }}
    />
  );
}
