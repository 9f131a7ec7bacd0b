// The fields of each step's own record, and how they become the request body:
// counts per catalogue (D-8.1), condition findings (D-8.4), the transport
// (D-8.7), the visit report (D-7.2), the new storage boxes (D-8.9).
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Form, type FormInstance, Input, InputNumber, Radio, Select, Table } from "antd";
import { attachmentsApi } from "../../api/endpoints.ts";
import type { EntityType } from "../../api/types.ts";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type BatchDetail, type BatchItem, type Condition, type IntakeAction, intakeApi } from "./api.ts";
import { CONDITION, CONDITIONS } from "./labels.ts";
import type { StepValues } from "./StepModal.tsx";

// The batch is a record with attachments (server: entity-access PROJECT_OF).
const BATCH = "intake_batch" as unknown as EntityType;

export function stepBody(action: IntakeAction, v: StepValues): Record<string, unknown> {
  if (action === "site_visit") return v.attachmentId ? { attachmentId: v.attachmentId } : {};
  if (action === "unshelve")
    return {
      counts: Object.entries((v.counts ?? {}) as Record<string, number>).map(([catalogueId, counted]) => ({
        catalogueId,
        counted: counted ?? 0,
      })),
    };
  if (action === "check_condition") {
    const f = (v.findings ?? {}) as Record<string, { condition?: Condition; note?: string }>;
    return {
      findings: Object.entries(f)
        .filter(([, x]) => x?.condition && x.condition !== "good")
        .map(([itemId, x]) => ({ itemId, condition: x.condition, ...(x.note ? { note: x.note } : {}) })),
    };
  }
  if (action === "load")
    return { transport: { by: v.transportBy, ...(v.vehicle ? { vehicle: String(v.vehicle).trim() } : {}) } };
  if (action === "repack") return { boxes: v.boxes ?? [] };
  return {};
}

function Findings({ items }: { items: BatchItem[] }) {
  const { t, pick } = useI18n();
  const i = t.intake;
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={items.length > 8 ? { pageSize: 8 } : false}
      dataSource={items}
      data-testid="findings"
      columns={[
        {
          title: i.referenceCode,
          dataIndex: "referenceCode",
          width: 230,
          render: (c: string) => <span className="mono">{c}</span>,
        },
        { title: i.itemTitle, dataIndex: "title", ellipsis: true },
        {
          title: i.condition,
          width: 140,
          render: (_, r) => (
            <Form.Item name={["findings", r.id, "condition"]} noStyle initialValue="good">
              <Select
                size="small"
                style={{ width: 130 }}
                aria-label={`${i.condition} ${r.referenceCode ?? ""}`}
                options={CONDITIONS.map((c) => ({ value: c, label: pick(CONDITION[c]) }))}
              />
            </Form.Item>
          ),
        },
        {
          title: i.note,
          width: 180,
          render: (_, r) => (
            <Form.Item name={["findings", r.id, "note"]} noStyle>
              <Input size="small" maxLength={500} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

function RepackBoxes({ batch }: { batch: BatchDetail }) {
  const { t } = useI18n();
  const i = t.intake;
  const items = useQuery(() => intakeApi.items(batch.id), [batch.id]);
  const open = new Set(
    batch.boxes.filter((x) => x.kind === "transfer" && x.status === "received").map((x) => x.id),
  );
  const options = (items.data?.items ?? [])
    .filter((it) => it.boxId && open.has(it.boxId))
    .map((it) => ({ value: it.id, label: `${it.boxNo} · ${it.referenceCode ?? ""} ${it.title ?? ""}` }));
  return (
    <Form.List name="boxes" initialValue={[{ sealNumber: "", itemIds: [] }]}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, n) => (
            <Flex key={f.key} gap={8} align="start" data-testid="repack-box">
              <Form.Item
                name={[f.name, "sealNumber"]}
                label={n === 0 ? i.sealNumber : undefined}
                rules={[{ required: true }]}
              >
                <Input style={{ width: 150 }} maxLength={50} aria-label={i.sealNumber} />
              </Form.Item>
              <Form.Item
                name={[f.name, "itemIds"]}
                label={n === 0 ? i.storageBoxItems : undefined}
                rules={[{ required: true }]}
                style={{ flex: 1 }}
              >
                <Select
                  mode="multiple"
                  options={options}
                  optionFilterProp="label"
                  aria-label={i.storageBoxItems}
                />
              </Form.Item>
              {fields.length > 1 && (
                <MinusCircleOutlined style={{ marginTop: n === 0 ? 38 : 8 }} onClick={() => remove(f.name)} />
              )}
            </Flex>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ sealNumber: "", itemIds: [] })}
            style={{ marginBottom: 16 }}
          >
            {i.addStorageBox}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function StepFields({
  batch,
  action,
}: {
  batch: BatchDetail;
  action: IntakeAction;
  form: FormInstance;
}) {
  const { t } = useI18n();
  const i = t.intake;
  const items = useQuery(
    () => (action === "check_condition" ? intakeApi.items(batch.id) : Promise.resolve({ items: [] })),
    [batch.id, action],
  );
  const files = useQuery(
    () => (action === "site_visit" ? attachmentsApi.list(BATCH, batch.id) : Promise.resolve({ items: [] })),
    [batch.id, action],
  );
  if (action === "site_visit")
    return (
      <Form.Item name="attachmentId" label={i.visitReport} extra={i.visitReportHelp}>
        <Select
          allowClear
          options={(files.data?.items ?? []).map((f) => ({ value: f.id, label: f.filename }))}
        />
      </Form.Item>
    );
  if (action === "unshelve")
    return batch.catalogues.map((c) => (
      <Form.Item
        key={c.id}
        name={["counts", c.id]}
        label={i.countedFor(c.title, c.rowCount)}
        initialValue={c.rowCount}
      >
        <InputNumber min={0} max={1_000_000} aria-label={i.counted} />
      </Form.Item>
    ));
  if (action === "check_condition")
    return (
      <Form.Item label={i.findings} extra={i.findingsHelp}>
        <Findings items={items.data?.items ?? []} />
      </Form.Item>
    );
  if (action === "load")
    return (
      <>
        <Form.Item
          name="transportBy"
          label={i.transportBy}
          rules={[{ required: true, message: t.common.required }]}
        >
          <Radio.Group
            options={[
              { value: "agency", label: i.byAgency },
              { value: "client", label: i.byClient },
            ]}
          />
        </Form.Item>
        <Form.Item name="vehicle" label={i.vehicle}>
          <Input maxLength={50} style={{ width: 200 }} />
        </Form.Item>
      </>
    );
  if (action === "repack") return <RepackBoxes batch={batch} />;
  return null;
}
