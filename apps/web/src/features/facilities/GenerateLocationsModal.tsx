// Bulk generation of a vault's locations from ranges (D-9.1): rows, columns,
// sections and shelves from–to, a carrier zone and a capacity per range.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from "antd";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { facilitiesApi, type Zone } from "./api.ts";
import { FormModal } from "./common.tsx";
import { optionsOf, ZONE } from "./labels.ts";

type Span = { from: number; to: number };
interface Range {
  rows: Span;
  columns: Span;
  sections: Span;
  shelves: Span;
  zone: Zone;
  capacity: number;
}
const DEFAULT: Range = {
  rows: { from: 1, to: 1 },
  columns: { from: 1, to: 1 },
  sections: { from: 1, to: 1 },
  shelves: { from: 1, to: 5 },
  zone: "paper",
  capacity: 4,
};
const AXES = ["rows", "columns", "sections", "shelves"] as const;

export function GenerateLocationsModal({
  open,
  vault,
  onClose,
  onDone,
}: {
  open: boolean;
  vault: { id: string; code: string };
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, pick } = useI18n();
  const notify = useNotify();
  const f = t.facilities;
  return (
    <FormModal<{ prefix?: string; ranges: Range[] }>
      open={open}
      title={f.generate}
      width={820}
      quiet
      fields={["prefix", "ranges"]}
      initialValues={{ ranges: [DEFAULT] }}
      onClose={onClose}
      onSubmit={async (v) => {
        const r = await facilitiesApi.generate(vault.id, {
          ...(v.prefix?.trim() ? { prefix: v.prefix.trim() } : {}),
          ranges: v.ranges,
        });
        notify.success(f.generated(r.created, r.first, r.last));
        onDone();
      }}
    >
      <Typography.Paragraph type="secondary">{f.generateHelp}</Typography.Paragraph>
      <Form.Item name="prefix" label={f.prefix} extra={f.prefixHelp} style={{ maxWidth: 240 }}>
        <Input className="mono" placeholder={vault.code} />
      </Form.Item>
      <Form.List name="ranges">
        {(items, { add, remove }) => (
          <Space orientation="vertical" style={{ width: "100%" }}>
            {items.map((item) => (
              <Card
                key={item.key}
                size="small"
                extra={
                  items.length > 1 && (
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(item.name)}
                    />
                  )
                }
              >
                <Row gutter={12}>
                  {AXES.map((axis) => (
                    <Col span={6} key={axis}>
                      <Form.Item label={f[axis]} style={{ marginBottom: 8 }}>
                        <Space.Compact>
                          <Form.Item name={[item.name, axis, "from"]} noStyle rules={[{ required: true }]}>
                            <InputNumber
                              min={1}
                              max={999}
                              style={{ width: 64 }}
                              aria-label={`${f[axis]} from`}
                            />
                          </Form.Item>
                          <Form.Item name={[item.name, axis, "to"]} noStyle rules={[{ required: true }]}>
                            <InputNumber
                              min={1}
                              max={999}
                              style={{ width: 64 }}
                              aria-label={`${f[axis]} to`}
                            />
                          </Form.Item>
                        </Space.Compact>
                      </Form.Item>
                    </Col>
                  ))}
                  <Col span={12}>
                    <Form.Item
                      name={[item.name, "zone"]}
                      label={f.zone}
                      rules={[{ required: true }]}
                      style={{ marginBottom: 0 }}
                    >
                      <Select options={optionsOf(ZONE, pick)} />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item
                      name={[item.name, "capacity"]}
                      label={f.capacity}
                      rules={[{ required: true }]}
                      style={{ marginBottom: 0 }}
                    >
                      <InputNumber min={1} max={1000} style={{ width: "100%" }} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add(DEFAULT)}>
              {f.addRange}
            </Button>
          </Space>
        )}
      </Form.List>
    </FormModal>
  );
}
