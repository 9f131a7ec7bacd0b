// Z-7.2: the one way volumes move: a handover from a station (or temporary
// storage) to another, with content, the counted quantity, giver and receiver.
import { Button, Form, Input, InputNumber, Select, Typography } from "antd";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { originalsApi, type Volume } from "./api.ts";

const STORAGE = "__storage";

export function StationHandoverForm(p: {
  batchId: string;
  projectId: string;
  volumes: Volume[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const m = t.digitizationOriginals;
  const notify = useNotify();
  const [form] = Form.useForm();
  const stations = useQuery(() => originalsApi.workstations(p.projectId), [p.projectId]);
  const people = useQuery(() => originalsApi.people(p.projectId), [p.projectId]);
  const from = Form.useWatch("from", form) as string | undefined;
  const fromId = from === STORAGE ? null : (from ?? null);
  const here = p.volumes.filter((v) => !v.withdrawnAt && (v.currentWorkstationId ?? null) === fromId);
  const stationOptions = [
    { value: STORAGE, label: m.temporaryStorage },
    ...(stations.data ?? []).map((w) => ({ value: w.id, label: `${w.code} ${w.name}` })),
  ];
  const personOptions = (people.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }));
  const submit = async (v: Record<string, unknown>) => {
    try {
      await originalsApi.stationHandover(p.batchId, {
        fromWorkstationId: v.from === STORAGE ? null : (v.from as string),
        toWorkstationId: v.to === STORAGE ? null : (v.to as string),
        ...((v.volumeIds as string[] | undefined)?.length ? { volumeIds: v.volumeIds as string[] } : {}),
        content: v.content as string,
        ...(v.quantity ? { quantity: v.quantity as number } : {}),
        giverPersonId: v.giverPersonId as string,
        receiverPersonId: v.receiverPersonId as string,
        ...(v.reason ? { reason: v.reason as string } : {}),
      });
      notify.success(m.saved);
      form.resetFields();
      p.onDone();
    } catch (e) {
      notify.error(e);
    }
  };
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {m.stationHandover}
      </Typography.Title>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ from: STORAGE }}>
        <Form.Item name="from" label={m.from} rules={[{ required: true }]}>
          <Select options={stationOptions} />
        </Form.Item>
        <Form.Item name="to" label={m.to} rules={[{ required: true }]}>
          <Select options={stationOptions} />
        </Form.Item>
        <Form.Item name="volumeIds" label={m.pickVolumes}>
          <Select mode="multiple" options={here.map((v) => ({ value: v.id, label: v.referenceCode }))} />
        </Form.Item>
        <Form.Item name="content" label={m.content} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="quantity" label={m.quantity}>
          <InputNumber min={1} />
        </Form.Item>
        <Form.Item name="giverPersonId" label={m.giver} rules={[{ required: true }]}>
          <Select options={personOptions} />
        </Form.Item>
        <Form.Item name="receiverPersonId" label={m.receiver} rules={[{ required: true }]}>
          <Select options={personOptions} />
        </Form.Item>
        <Form.Item name="reason" label={m.reason}>
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {m.stationHandover}
        </Button>
      </Form>
    </>
  );
}
