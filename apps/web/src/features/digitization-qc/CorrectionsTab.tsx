// The correction loop (Z-7.4, Z-7.2): the client asks for a volume to be
// redone at a station; the agency sends it there by a recorded station handover.
import { Button, Form, Input, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { originalsApi } from "../digitization-originals/api.ts";
import { type Correction, type DeliveryView, qcApi, STATION } from "./api.ts";

export function CorrectionsTab({ delivery, onChange }: { delivery: DeliveryView; onChange: () => void }) {
  const { t, pick } = useI18n();
  const m = t.digitizationQc;
  const notify = useNotify();
  const stations = useQuery(() => originalsApi.workstations(delivery.projectId), [delivery.projectId]);
  const [sending, setSending] = useState<string | null>(null);
  const people = (stations.data ?? []).flatMap((w) =>
    w.assignments.map((a) => ({ value: a.personId, label: `${a.personName}（${w.name}）` })),
  );
  const volumes = delivery.catalogue.filter((c) => c.volumeId);
  return (
    <>
      {delivery.permissions.review && (
        <Form
          layout="inline"
          style={{ marginBottom: 16, rowGap: 8 }}
          onFinish={(v: { volumeId: string; stationKind?: string; reason: string }) =>
            qcApi.requestCorrection(delivery.id, v).then(() => {
              notify.success(m.requested);
              onChange();
            }, notify.error)
          }
        >
          <Form.Item name="volumeId" label={m.volume} rules={[{ required: true }]}>
            <Select
              style={{ width: 260 }}
              options={volumes.map((c) => ({ value: c.volumeId!, label: c.referenceCode }))}
            />
          </Form.Item>
          <Form.Item name="stationKind" label={m.station}>
            <Select
              allowClear
              style={{ width: 160 }}
              placeholder={m.stationAuto}
              options={Object.keys(STATION).map((k) => ({ value: k, label: pick(STATION[k]) }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={m.correctionReason} rules={[{ required: true }]}>
            <Input style={{ width: 260 }} maxLength={1000} />
          </Form.Item>
          <Button htmlType="submit" type="primary" data-testid="qc-request-correction">
            {m.requestCorrection}
          </Button>
        </Form>
      )}
      <Table<Correction>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={delivery.corrections}
        locale={{ emptyText: m.noCorrections }}
        columns={[
          { title: m.volume, width: 220, dataIndex: "referenceCode" },
          {
            title: m.station,
            width: 180,
            render: (_, k) =>
              `${pick(STATION[k.stationKind])}${k.workstationCode ? ` ${k.workstationCode}` : ""}`,
          },
          { title: m.correctionReason, dataIndex: "reason" },
          {
            title: m.status,
            width: 120,
            render: (_, k) =>
              k.status === "sent" ? <Tag color="green">{m.sent}</Tag> : <Tag color="orange">{m.waiting}</Tag>,
          },
          { title: m.handedIn, width: 160, render: (_, k) => formatDateTime(k.sentAt ?? k.requestedAt) },
          {
            title: "",
            width: 420,
            render: (_, k) =>
              k.status === "requested" && delivery.permissions.ingest ? (
                sending === k.id ? (
                  <Form
                    layout="inline"
                    onFinish={(v: { giverPersonId: string; receiverPersonId: string }) =>
                      qcApi.sendCorrection(k.id, v).then(() => {
                        notify.success(m.correctionSent);
                        setSending(null);
                        onChange();
                      }, notify.error)
                    }
                  >
                    <Form.Item name="giverPersonId" rules={[{ required: true }]}>
                      <Select style={{ width: 150 }} placeholder={m.giver} options={people} />
                    </Form.Item>
                    <Form.Item name="receiverPersonId" rules={[{ required: true }]}>
                      <Select style={{ width: 150 }} placeholder={m.receiver} options={people} />
                    </Form.Item>
                    <Space>
                      <Button htmlType="submit" type="primary">
                        {m.sendBack}
                      </Button>
                    </Space>
                  </Form>
                ) : (
                  <Button onClick={() => setSending(k.id)}>{m.sendBack}</Button>
                )
              ) : null,
          },
        ]}
      />
    </>
  );
}
