// The maintenance log of one piece of equipment, and recording a check
// (D-9.7): the next due date follows the check unless set by hand.
import { PlusOutlined } from "@ant-design/icons";
import { Button, DatePicker, Descriptions, Drawer, Form, Input, Select, Table, Tag } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDate } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { facilitiesApi, type Maintenance } from "./api.ts";
import { FormModal, OverdueTag } from "./common.tsx";
import {
  EQUIPMENT_KIND,
  EQUIPMENT_STATUS,
  MAINTENANCE_KIND,
  MAINTENANCE_RESULT,
  optionsOf,
} from "./labels.ts";

interface Values {
  kind: string;
  performedOn: Dayjs;
  performedByName: string;
  result: string;
  note?: string;
  nextDueOn?: Dayjs;
}

export function MaintenanceDrawer({
  equipmentId,
  canRecord,
  onClose,
  onChanged,
}: {
  equipmentId: string | undefined;
  canRecord: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t, pick } = useI18n();
  const f = t.facilities;
  const [recording, setRecording] = useState(false);
  const log = useQuery(
    () => (equipmentId ? facilitiesApi.maintenance(equipmentId) : Promise.resolve(undefined)),
    [equipmentId],
  );
  const e = log.data?.equipment;
  return (
    <Drawer
      open={!!equipmentId}
      onClose={onClose}
      size="large"
      title={e ? `${e.name} · ${f.log}` : f.log}
      extra={
        canRecord && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            {f.recordCheck}
          </Button>
        )
      }
    >
      <ErrorAlert error={log.error} />
      {e && (
        <Descriptions column={2} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={f.kind}>{pick(EQUIPMENT_KIND[e.kind])}</Descriptions.Item>
          <Descriptions.Item label={f.status}>
            <Tag color={EQUIPMENT_STATUS[e.status]?.color}>{pick(EQUIPMENT_STATUS[e.status])}</Tag>
            {e.overdue && <OverdueTag />}
          </Descriptions.Item>
          <Descriptions.Item label={f.interval}>{e.checkIntervalDays}</Descriptions.Item>
          <Descriptions.Item label={f.nextDue}>{formatDate(e.nextDueOn)}</Descriptions.Item>
        </Descriptions>
      )}
      <Table<Maintenance>
        rowKey="id"
        size="small"
        loading={log.loading}
        dataSource={log.data?.items ?? []}
        pagination={false}
        columns={[
          { title: f.performedOn, dataIndex: "performedOn", width: 110, render: formatDate },
          { title: f.kind, dataIndex: "kind", width: 90, render: (k: string) => pick(MAINTENANCE_KIND[k]) },
          {
            title: f.result,
            dataIndex: "result",
            width: 100,
            render: (r: string) => (
              <Tag color={MAINTENANCE_RESULT[r]?.color}>{pick(MAINTENANCE_RESULT[r])}</Tag>
            ),
          },
          { title: f.performedBy, dataIndex: "performedByName", width: 90 },
          { title: f.nextDue, dataIndex: "nextDueOn", width: 110, render: formatDate },
          { title: f.note, dataIndex: "note", render: (n: string | null) => n ?? "" },
        ]}
      />
      <FormModal<Values>
        open={recording}
        title={f.recordCheck}
        fields={["kind", "performedOn", "performedByName", "result", "note", "nextDueOn"]}
        initialValues={{ kind: "check", result: "ok", performedOn: dayjs() }}
        onClose={() => setRecording(false)}
        onSubmit={async (v) => {
          await facilitiesApi.recordMaintenance(equipmentId!, {
            kind: v.kind,
            result: v.result,
            performedByName: v.performedByName.trim(),
            performedOn: v.performedOn.format("YYYY-MM-DD"),
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
            ...(v.nextDueOn ? { nextDueOn: v.nextDueOn.format("YYYY-MM-DD") } : {}),
          });
          log.reload();
          onChanged();
        }}
      >
        <Form.Item name="kind" label={f.kind} rules={[{ required: true }]}>
          <Select options={optionsOf(MAINTENANCE_KIND, pick)} />
        </Form.Item>
        <Form.Item name="performedOn" label={f.performedOn} rules={[{ required: true }]}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="performedByName" label={f.performedBy} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="result" label={f.result} rules={[{ required: true }]}>
          <Select options={optionsOf(MAINTENANCE_RESULT, pick)} />
        </Form.Item>
        <Form.Item name="nextDueOn" label={f.nextDue} extra={f.nextDueHelp}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="note" label={f.note} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>
    </Drawer>
  );
}
