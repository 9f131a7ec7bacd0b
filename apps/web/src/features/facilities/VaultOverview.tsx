// A vault's measured attributes, its keeper and the holders of its keys and
// access devices (D-9.2).
import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { formatDate } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { facilitiesApi, type KeyDevice, type VaultDetail } from "./api.ts";
import { FormModal, useAgencyUsers } from "./common.tsx";
import { KEY_DEVICE, optionsOf, SHELVING } from "./labels.ts";
import { VaultModal } from "./VaultModal.tsx";

const num = (n: number | null, unit: string) => (n === null ? "—" : `${n} ${unit}`);

export function VaultOverview({ vault: v, onChanged }: { vault: VaultDetail; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const notify = useNotify();
  const f = t.facilities;
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const users = useAgencyUsers(adding);
  const manage = v.permissions.manage;
  const takeBack = async (userId: string) => {
    try {
      await facilitiesApi.removeKeyHolder(v.id, userId);
      onChanged();
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card
          size="small"
          title={f.measurements}
          extra={
            manage && (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t.common.edit}
              </Button>
            )
          }
        >
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={f.floorArea}>{num(v.floorAreaM2, "m²")}</Descriptions.Item>
            <Descriptions.Item label={f.shelvingType}>{pick(SHELVING[v.shelvingType])}</Descriptions.Item>
            <Descriptions.Item label={f.clearHeight}>{num(v.clearHeightM, "m")}</Descriptions.Item>
            <Descriptions.Item label={f.floorLoad}>{num(v.floorLoadKnM2, "kN/m²")}</Descriptions.Item>
            <Descriptions.Item label={f.fireWallZone}>{num(v.fireWallZoneH, "h")}</Descriptions.Item>
            <Descriptions.Item label={f.fireWallRoom}>{num(v.fireWallRoomH, "h")}</Descriptions.Item>
            <Descriptions.Item label={f.fireWallInner}>{num(v.fireWallInnerH, "h")}</Descriptions.Item>
            <Descriptions.Item label={f.mainAisle}>{num(v.mainAisleM, "m")}</Descriptions.Item>
            <Descriptions.Item label={f.rowSpacing}>{num(v.rowSpacingM, "m")}</Descriptions.Item>
            <Descriptions.Item label={f.endClearance}>{num(v.endClearanceM, "m")}</Descriptions.Item>
            <Descriptions.Item label={f.backClearance}>{num(v.backClearanceM, "m")}</Descriptions.Item>
            <Descriptions.Item label={f.locationCount}>{v.locationCount}</Descriptions.Item>
            <Descriptions.Item label={f.capacityTotal}>{v.capacityTotal}</Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card
          size="small"
          title={
            <Space>
              {f.keyHolders}
              <ClauseTag id="D-9.2" />
            </Space>
          }
          extra={
            manage && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {f.addKeyHolder}
              </Button>
            )
          }
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {f.keyHoldersHelp}
          </Typography.Paragraph>
          <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
            <Descriptions.Item label={f.keeper}>
              {v.keeperName ?? <Tag color="error">{f.noKeeper}</Tag>}
            </Descriptions.Item>
          </Descriptions>
          <Table
            rowKey={(h) => `${h.userId}-${h.device}`}
            size="small"
            pagination={false}
            dataSource={v.keyHolders}
            columns={[
              { title: f.holder, dataIndex: "displayName" },
              { title: f.device, dataIndex: "device", render: (d: KeyDevice) => pick(KEY_DEVICE[d]) },
              { title: f.issuedOn, dataIndex: "issuedOn", render: (d: string | null) => formatDate(d) },
              ...(manage
                ? [
                    {
                      title: t.common.actions,
                      width: 70,
                      render: (_: unknown, h: { userId: string }) => (
                        <Popconfirm title={f.removeConfirm} onConfirm={() => void takeBack(h.userId)}>
                          <Button size="small" type="link" danger>
                            {f.takeBack}
                          </Button>
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </Col>
      <VaultModal open={editing} vault={v} onClose={() => setEditing(false)} onSaved={onChanged} />
      <FormModal<{ userId: string; device: KeyDevice; issuedOn?: Dayjs }>
        open={adding}
        title={f.addKeyHolder}
        fields={["userId", "device", "issuedOn"]}
        initialValues={{ device: "key" }}
        onClose={() => setAdding(false)}
        onSubmit={async (x) => {
          await facilitiesApi.addKeyHolder(v.id, {
            userId: x.userId,
            device: x.device,
            ...(x.issuedOn ? { issuedOn: x.issuedOn.format("YYYY-MM-DD") } : {}),
          });
          onChanged();
        }}
      >
        <Form.Item name="userId" label={f.holder} rules={[{ required: true }]}>
          <Select
            loading={users.loading}
            options={(users.data ?? []).map((u) => ({
              value: u.id,
              label: `${u.displayName}（${u.username}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="device" label={f.device} rules={[{ required: true }]}>
          <Select options={optionsOf(KEY_DEVICE, pick)} />
        </Form.Item>
        <Form.Item name="issuedOn" label={f.issuedOn}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
      </FormModal>
    </Row>
  );
}
