// Remote copy and proxy search (D-3.12, D-10.8): the scan job names its
// operator and the camera; the scanned files are uploaded and shown with their
// SM3 and SHA-256 digests, downloadable by the requester until they expire.
import { UploadOutlined } from "@ant-design/icons";
import { Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { usersApi } from "../../api/endpoints.ts";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { facilitiesApi } from "../facilities/api.ts";
import { type RequestServices, useServicesApi } from "./api.ts";
import { DeliveriesTable } from "./DeliveriesTable.tsx";

// As SCAN_AREAS in the domain (D-10.8); the server checks again.
const SCAN_AREAS = ["workstation", "reading_room"];

/** The agency's cameras that may film a scan: covering a scanning workstation or reading room. */
async function scanCameras() {
  const sites = await facilitiesApi.sites({ pageSize: 100 });
  const details = await Promise.all(sites.items.map((s) => facilitiesApi.site(s.id)));
  return details.flatMap((s) =>
    s.cameras
      .filter((c) => c.recordingAllDay !== false && c.covers.some((a) => SCAN_AREAS.includes(a)))
      .map((c) => ({ value: c.id, label: `${c.code} · ${s.name}` })),
  );
}

export function RemotePanel({ d, onDone }: { d: RequestServices; onDone: () => void }) {
  const { t } = useI18n();
  const m = t.useServices;
  const me = useMe();
  const notify = useNotify();
  const serving = ["retrieved", "in_service"].includes(d.request.status);
  const canRecord = d.permissions.serve && serving;
  const cameras = useQuery(() => (canRecord ? scanCameras() : Promise.resolve([])), [canRecord]);
  // Only administrators may list colleagues; anyone else records their own scans.
  const staff = useQuery(
    () =>
      canRecord
        ? usersApi.list({ pageSize: 100 }).then(
            (p) => p.items.filter((u) => u.active).map((u) => ({ value: u.id, label: u.displayName })),
            () => [],
          )
        : Promise.resolve([]),
    [canRecord],
  );
  const operators = [
    { value: me.id, label: me.displayName },
    ...(staff.data ?? []).filter((u) => u.value !== me.id),
  ];
  const [form, setForm] = useState<{ operator?: string; camera?: string; note?: string }>({});
  const [days, setDays] = useState<number | null>(7);
  const [busy, setBusy] = useState(false);
  const run = (p: Promise<unknown>) =>
    p
      .then(() => {
        setForm({});
        onDone();
      })
      .catch(notify.error);
  const openJob = d.scanJobs.find((j) => !j.finishedAt);
  const lastJob = openJob ?? d.scanJobs.at(-1);
  return (
    <Card title={m.remoteCard} data-testid="remote-panel">
      <Typography.Paragraph type="secondary">{serving ? m.scanHint : m.notServing}</Typography.Paragraph>
      {canRecord && !openJob && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label={m.operator}
            placeholder={m.operator}
            style={{ width: 180 }}
            value={form.operator}
            onChange={(operator) => setForm({ ...form, operator })}
            options={operators}
          />
          <Select
            aria-label={m.camera}
            placeholder={m.camera}
            style={{ width: 240 }}
            loading={cameras.loading}
            value={form.camera}
            onChange={(camera) => setForm({ ...form, camera })}
            options={cameras.data ?? []}
          />
          <Input
            aria-label={m.note}
            placeholder={m.note}
            style={{ width: 220 }}
            value={form.note}
            onChange={(e) => setForm({ ...form, note: e.target.value })}
          />
          <Button
            type="primary"
            disabled={!form.operator || !form.camera}
            onClick={() =>
              run(
                useServicesApi.startScan(d.request.id, {
                  operatorUserId: form.operator!,
                  cameraId: form.camera!,
                  ...(form.note ? { note: form.note } : {}),
                }),
              )
            }
          >
            {m.startScan}
          </Button>
        </Space>
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.scanJobs}
        locale={{ emptyText: m.noScanJobs }}
        columns={[
          { title: m.operator, dataIndex: "operatorName" },
          { title: m.camera, dataIndex: "cameraCode" },
          { title: m.startedAt, render: (_, j) => formatDateTime(j.startedAt) },
          {
            title: m.finishedAt,
            render: (_, j) =>
              j.finishedAt ? (
                formatDateTime(j.finishedAt)
              ) : canRecord ? (
                <Button size="small" onClick={() => run(useServicesApi.finishScan(j.id))}>
                  {m.finishScan}
                </Button>
              ) : (
                <Tag color="processing">{m.scanOpen}</Tag>
              ),
          },
          { title: m.pages, render: (_, j) => j.pages ?? "—" },
          { title: m.note, render: (_, j) => j.note ?? "" },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {m.deliveries}
      </Typography.Title>
      {canRecord && lastJob && (
        <Space wrap style={{ marginBottom: 12 }}>
          <span>{m.expiresInDays}</span>
          <InputNumber aria-label={m.expiresInDays} min={1} max={30} value={days} onChange={setDays} />
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              setBusy(true);
              useServicesApi
                .deliver(d.request.id, lastJob.id, file, days ?? undefined)
                .then(onDone, notify.error)
                .finally(() => setBusy(false));
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy} data-testid="deliver-upload">
              {m.deliver}
            </Button>
          </Upload>
        </Space>
      )}
      <DeliveriesTable
        rows={d.deliveries}
        canDownload={d.permissions.download}
        canWithdraw={d.permissions.serve}
        onDone={onDone}
      />
    </Card>
  );
}
