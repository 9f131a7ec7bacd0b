// A vault's sensors (D-9.4, D-9.5): latest reading, readings refused and why;
// keepers and the manager register sensors, replace credentials, deactivate.
import { KeyOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { EmptyState } from "../../components/EmptyState.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { AddSensorModal } from "./AddSensorModal.tsx";
import { environmentApi, type Sensor } from "./api.ts";
import { type Credentials, CredentialsModal } from "./CredentialsModal.tsx";
import { Reading } from "./EnvironmentPage.tsx";
import { REFUSAL, ZONE } from "./labels.ts";

export function SensorsCard(props: {
  vaultId: string;
  sensors: Sensor[];
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t, pick } = useI18n();
  const e = t.environment;
  const notify = useNotify();
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState<Credentials>();

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      props.onChanged();
    } catch (err) {
      notify.error(err);
    }
  };

  const columns: ColumnsType<Sensor> = [
    {
      title: e.code,
      dataIndex: "code",
      render: (c: string, s) => (
        <div>
          <span className="mono">{c}</span>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.name}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: e.zone,
      key: "zone",
      render: (_, s) =>
        s.zone ? (
          pick(ZONE[s.zone])
        ) : (
          <Typography.Text type="secondary">{pick(ZONE[s.effectiveZone])}</Typography.Text>
        ),
    },
    { title: e.latest, key: "latest", render: (_, s) => <Reading r={s} /> },
    {
      title: e.refused,
      dataIndex: "refusedCount",
      render: (n: number, s) =>
        n === 0 ? (
          "0"
        ) : (
          <Tooltip title={formatDateTime(s.lastRefusedAt)}>
            <Tag color="warning">
              {n} ·{" "}
              {s.lastRefusal ? pick(REFUSAL[s.lastRefusal] ?? { zh: s.lastRefusal, en: s.lastRefusal }) : ""}
            </Tag>
          </Tooltip>
        ),
    },
    {
      title: e.state,
      dataIndex: "active",
      render: (a: boolean) => (a ? <Tag color="success">{e.active}</Tag> : <Tag>{e.inactive}</Tag>),
    },
    ...(props.canManage
      ? [
          {
            title: "",
            key: "actions",
            render: (_: unknown, s: Sensor) => (
              <Space size={4}>
                <Popconfirm
                  title={e.rotateConfirm}
                  onConfirm={() => act(async () => setShown(await environmentApi.rotate(s.id)))}
                >
                  <Button size="small" icon={<KeyOutlined />}>
                    {e.rotate}
                  </Button>
                </Popconfirm>
                <Button
                  size="small"
                  onClick={() => act(() => environmentApi.updateSensor(s.id, { active: !s.active }))}
                >
                  {s.active ? e.deactivate : e.activate}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={e.sensors}
      extra={
        props.canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {e.addSensor}
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={props.sensors}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: <EmptyState text={e.noSensors} /> }}
      />
      <AddSensorModal
        vaultId={props.vaultId}
        open={adding}
        onClose={(created) => {
          setAdding(false);
          if (created) {
            setShown(created);
            props.onChanged();
          }
        }}
      />
      <CredentialsModal value={shown} onClose={() => setShown(undefined)} />
    </Card>
  );
}
