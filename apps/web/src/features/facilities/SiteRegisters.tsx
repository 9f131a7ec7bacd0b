// The site's registers: functional rooms (D-5.3), cameras and fire alarms
// (D-5.10), each with add and remove for the agency manager.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type Device, facilitiesApi, type Room, type SiteDetail } from "./api.ts";
import { clean, FormModal } from "./common.tsx";
import { CAMERA_AREA, DETECTOR, optionsOf, ROOM_FUNCTION } from "./labels.ts";

type Kind = "room" | "camera" | "alarm";
const FUNCTIONS = Object.keys(ROOM_FUNCTION);

export function SiteRegisters({ site, onChanged }: { site: SiteDetail; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const notify = useNotify();
  const f = t.facilities;
  const [adding, setAdding] = useState<Kind>();
  const manage = site.permissions.manage;
  const vaultName = (id: string | null) =>
    id ? (site.vaults.find((v) => v.id === id)?.code ?? "—") : f.wholeSite;
  const vaultOptions = [
    { value: "", label: f.wholeSite },
    ...site.vaults.map((v) => ({ value: v.id, label: `${v.code} ${v.name}` })),
  ];
  const remove = (fn: () => Promise<unknown>) => async () => {
    try {
      await fn();
      notify.success(f.removed);
      onChanged();
    } catch (e) {
      notify.error(e);
    }
  };
  const removeColumn = <T extends { id: string }>(fn: (id: string) => Promise<unknown>): ColumnsType<T> =>
    manage
      ? [
          {
            title: t.common.actions,
            width: 70,
            render: (_: unknown, r: T) => (
              <Popconfirm title={f.removeConfirm} onConfirm={remove(() => fn(r.id))}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={f.remove} />
              </Popconfirm>
            ),
          },
        ]
      : [];
  const areas = (covers: string[]) => (
    <Space size={4} wrap>
      {covers.map((c) => (
        <Tag key={c}>{CAMERA_AREA[c] ? pick(CAMERA_AREA[c]) : c}</Tag>
      ))}
    </Space>
  );
  const addButton = (kind: Kind, label: string) =>
    manage && (
      <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(kind)}>
        {label}
      </Button>
    );

  const rooms: ColumnsType<Room> = [
    {
      title: f.roomFunction,
      dataIndex: "roomFunction",
      render: (v: Room["roomFunction"]) => pick(ROOM_FUNCTION[v]),
    },
    { title: f.name, dataIndex: "name" },
    { title: f.area, dataIndex: "areaM2", width: 100, render: (n: number | null) => n ?? "—" },
    {
      title: f.vault,
      dataIndex: "vaultId",
      width: 90,
      render: (v: string | null) => (v ? vaultName(v) : "—"),
    },
    ...removeColumn<Room>(facilitiesApi.removeRoom),
  ];
  const cameras: ColumnsType<Device> = [
    {
      title: f.code,
      dataIndex: "code",
      width: 100,
      render: (c: string) => <span className="mono">{c}</span>,
    },
    { title: f.scope, dataIndex: "vaultId", width: 90, render: vaultName },
    { title: f.covers, dataIndex: "covers", render: areas },
    {
      title: f.recordingAllDay,
      dataIndex: "recordingAllDay",
      width: 110,
      render: (v: boolean) => <Tag color={v ? "success" : "error"}>{v ? t.common.yes : t.common.no}</Tag>,
    },
    {
      title: f.retentionDays,
      dataIndex: "retentionDays",
      width: 110,
      render: (n: number | null) => n ?? "—",
    },
    ...removeColumn<Device>(facilitiesApi.removeCamera),
  ];
  const alarms: ColumnsType<Device> = [
    {
      title: f.code,
      dataIndex: "code",
      width: 100,
      render: (c: string) => <span className="mono">{c}</span>,
    },
    { title: f.scope, dataIndex: "vaultId", width: 90, render: vaultName },
    { title: f.detector, dataIndex: "detector", width: 120, render: (d: string) => pick(DETECTOR[d]) },
    { title: f.covers, dataIndex: "covers", render: areas },
    ...removeColumn<Device>(facilitiesApi.removeFireAlarm),
  ];
  const table = <T extends { id: string }>(cols: ColumnsType<T>, rows: T[]) => (
    <Table<T>
      rowKey="id"
      size="small"
      columns={cols}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 560 }}
    />
  );
  const close = () => setAdding(undefined);
  const saved = () => onChanged();
  const vaultId = (v: { vaultId?: string }) => (v.vaultId ? v.vaultId : null);

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card size="small" title={f.rooms} extra={addButton("room", f.addRoom)}>
        {table(
          rooms,
          [...site.rooms].sort(
            (a, b) => FUNCTIONS.indexOf(a.roomFunction) - FUNCTIONS.indexOf(b.roomFunction),
          ),
        )}
      </Card>
      <Card size="small" title={f.cameras} extra={addButton("camera", f.addCamera)}>
        {table(cameras, site.cameras)}
      </Card>
      <Card size="small" title={f.fireAlarms} extra={addButton("alarm", f.addFireAlarm)}>
        {table(alarms, site.fireAlarms)}
      </Card>

      <FormModal<{ roomFunction: string; name: string; areaM2?: number; vaultId?: string }>
        open={adding === "room"}
        title={f.addRoom}
        fields={["roomFunction", "name", "areaM2", "vaultId"]}
        onClose={close}
        onSubmit={async (v) => {
          await facilitiesApi.addRoom(site.id, clean({ ...v, vaultId: vaultId(v) }));
          saved();
        }}
      >
        <Form.Item name="roomFunction" label={f.roomFunction} rules={[{ required: true }]}>
          <Select options={optionsOf(ROOM_FUNCTION, pick)} />
        </Form.Item>
        <Form.Item name="name" label={f.name} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="areaM2" label={f.area}>
          <InputNumber min={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="vaultId" label={f.vault}>
          <Select allowClear options={vaultOptions.slice(1)} />
        </Form.Item>
      </FormModal>

      <FormModal<{
        code: string;
        vaultId?: string;
        covers: string[];
        recordingAllDay: boolean;
        retentionDays?: number;
      }>
        open={adding === "camera"}
        title={f.addCamera}
        fields={["code", "vaultId", "covers", "recordingAllDay", "retentionDays"]}
        initialValues={{ recordingAllDay: true, vaultId: "", covers: [] }}
        onClose={close}
        onSubmit={async (v) => {
          await facilitiesApi.addCamera(site.id, clean({ ...v, vaultId: vaultId(v) }));
          saved();
        }}
      >
        <Form.Item name="code" label={f.code} rules={[{ required: true, max: 20 }]}>
          <Input className="mono" />
        </Form.Item>
        <Form.Item name="vaultId" label={f.scope}>
          <Select options={vaultOptions} />
        </Form.Item>
        <Form.Item name="covers" label={f.covers}>
          <Select mode="multiple" options={optionsOf(CAMERA_AREA, pick)} />
        </Form.Item>
        <Form.Item name="recordingAllDay" label={f.recordingAllDay} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="retentionDays" label={f.retentionDays}>
          <InputNumber min={0} max={3650} style={{ width: "100%" }} />
        </Form.Item>
      </FormModal>

      <FormModal<{ code: string; vaultId?: string; covers: string[]; detector: string }>
        open={adding === "alarm"}
        title={f.addFireAlarm}
        fields={["code", "vaultId", "covers", "detector"]}
        initialValues={{ detector: "smoke", vaultId: "", covers: [] }}
        onClose={close}
        onSubmit={async (v) => {
          await facilitiesApi.addFireAlarm(site.id, clean({ ...v, vaultId: vaultId(v) }));
          saved();
        }}
      >
        <Form.Item name="code" label={f.code} rules={[{ required: true, max: 20 }]}>
          <Input className="mono" />
        </Form.Item>
        <Form.Item name="vaultId" label={f.scope}>
          <Select options={vaultOptions} />
        </Form.Item>
        <Form.Item name="detector" label={f.detector} rules={[{ required: true }]}>
          <Select options={optionsOf(DETECTOR, pick)} />
        </Form.Item>
        <Form.Item name="covers" label={f.covers}>
          <Select mode="multiple" options={optionsOf(CAMERA_AREA, pick)} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
