// Z-6.5, Z-7.2: batches of cleared volumes, their temporary storage (room,
// cabinet, custodian), the start of work and the station handovers.
import { Button, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { BATCH_STATUS, type Batch, originalsApi } from "./api.ts";
import { StationHandoverForm } from "./StationHandoverForm.tsx";
import { StationHandoversTable } from "./StationHandoversTable.tsx";

export function BatchesTab({ projectId }: { projectId: string }) {
  const { t, pick } = useI18n();
  const m = t.digitizationOriginals;
  const notify = useNotify();
  const batches = useQuery(() => originalsApi.batches(projectId), [projectId]);
  const volumes = useQuery(
    (s) => originalsApi.volumes(projectId, { screening: "cleared", pageSize: 200 }, s),
    [projectId],
  );
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const free = (volumes.data?.items ?? []).filter((v) => !v.batchId && v.status !== "returned");
  const create = async () => {
    const v = await form.validateFields();
    try {
      await originalsApi.createBatch(projectId, v);
      notify.success(m.saved);
      setCreating(false);
      batches.reload();
      volumes.reload();
    } catch (e) {
      notify.error(e);
    }
  };
  return (
    <>
      <ErrorAlert error={batches.error} />
      {batches.data?.permissions.work && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>
          {m.newBatch}
        </Button>
      )}
      <Table<Batch>
        rowKey="id"
        loading={batches.loading}
        dataSource={batches.data?.items ?? []}
        locale={{ emptyText: <EmptyState text={m.noBatches} /> }}
        onRow={(b) => ({ onClick: () => setOpenId(b.id), style: { cursor: "pointer" } })}
        columns={[
          { title: m.batchCode, dataIndex: "code", width: 120 },
          { title: m.batchTitle, dataIndex: "title", ellipsis: true },
          { title: m.volumes, width: 80, render: (_, b) => Number(b.volumeCount ?? 0) },
          { title: m.room, width: 140, render: (_, b) => b.room ?? "—" },
          { title: m.cabinet, width: 140, render: (_, b) => b.cabinet ?? "—" },
          { title: m.custodian, width: 100, render: (_, b) => b.custodianName ?? "—" },
          {
            title: m.status,
            width: 110,
            render: (_, b) => <Tag color={BATCH_STATUS[b.status].color}>{pick(BATCH_STATUS[b.status])}</Tag>,
          },
        ]}
      />
      {openId && (
        <BatchDrawer
          id={openId}
          projectId={projectId}
          onClose={() => setOpenId(null)}
          onChanged={batches.reload}
        />
      )}
      <Modal
        open={creating}
        title={m.newBatch}
        onCancel={() => setCreating(false)}
        onOk={create}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="code" label={m.batchCode} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="title" label={m.batchTitle}>
            <Input />
          </Form.Item>
          <Form.Item name="volumeIds" label={m.pickVolumes}>
            <Select
              mode="multiple"
              options={free.map((v) => ({ value: v.id, label: `${v.referenceCode} ${v.title}` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function BatchDrawer(p: { id: string; projectId: string; onClose: () => void; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const m = t.digitizationOriginals;
  const notify = useNotify();
  const d = useQuery(() => originalsApi.batch(p.id), [p.id]);
  const people = useQuery(() => originalsApi.people(p.projectId), [p.projectId]);
  const [storage] = Form.useForm();
  const b = d.data?.batch;
  const may = d.data?.permissions.work;
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      notify.success(m.saved);
      d.reload();
      p.onChanged();
    } catch (e) {
      notify.error(e);
    }
  };
  return (
    <Drawer open width={820} title={b ? `${b.code} ${b.title ?? ""}` : ""} onClose={p.onClose}>
      <ErrorAlert error={d.error} />
      {b && d.data && (
        <>
          <Descriptions size="small" bordered column={2} title={m.storage}>
            <Descriptions.Item label={m.room}>{b.room ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={m.cabinet}>{b.cabinet ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={m.custodian}>{b.custodianName ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={m.status}>
              {pick(BATCH_STATUS[b.status])} {b.startedAt ? formatDateTime(b.startedAt) : ""}
            </Descriptions.Item>
          </Descriptions>
          {may && !b.custodianName && (
            <Form
              form={storage}
              layout="inline"
              style={{ marginTop: 12 }}
              onFinish={(v) => run(() => originalsApi.storage(p.id, v))}
            >
              <Form.Item name="room" rules={[{ required: true }]}>
                <Input placeholder={m.room} />
              </Form.Item>
              <Form.Item name="cabinet" rules={[{ required: true }]}>
                <Input placeholder={m.cabinet} />
              </Form.Item>
              <Form.Item name="custodianPersonId" rules={[{ required: true }]}>
                <Select
                  style={{ width: 160 }}
                  placeholder={m.custodian}
                  options={(people.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
                />
              </Form.Item>
              <Button htmlType="submit">{m.fixStorage}</Button>
            </Form>
          )}
          {may && b.status === "open" && (
            <Space style={{ marginTop: 12 }}>
              <Button type="primary" onClick={() => run(() => originalsApi.start(p.id))}>
                {m.start}
              </Button>
            </Space>
          )}
          <Table
            style={{ marginTop: 16 }}
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.data.volumes}
            columns={[
              { title: m.referenceCode, dataIndex: "referenceCode", width: 210 },
              { title: m.volumeTitle, dataIndex: "title", ellipsis: true },
              { title: m.workstation, width: 140, render: (_, v) => v.workstationName ?? m.temporaryStorage },
              {
                title: "",
                width: 90,
                render: (_, v) =>
                  v.openStopId ? (
                    <Tag color="red">{m.stopped}</Tag>
                  ) : v.withdrawnAt ? (
                    <Tag>{m.withdrawn}</Tag>
                  ) : null,
              },
            ]}
          />
          {may && b.status === "in_progress" && (
            <StationHandoverForm
              batchId={p.id}
              projectId={p.projectId}
              volumes={d.data.volumes}
              onDone={() => {
                d.reload();
                p.onChanged();
              }}
            />
          )}
          <StationHandoversTable items={d.data.handovers} />
        </>
      )}
    </Drawer>
  );
}
