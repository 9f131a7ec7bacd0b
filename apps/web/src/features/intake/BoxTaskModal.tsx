// One box's task at the current step: seal after the outside inspection
// (D-8.6), inspect on arrival (D-8.8), shelve at a location (D-9.1), or record
// its condition (D-8.4). Refusals show their clause in the modal.
import { Checkbox, Form, Input, Modal, Select, Switch } from "antd";
import { useState } from "react";
import { type ApiError, asApiError } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type BatchBox, type BatchDetail, boxesApi, type Condition, intakeApi } from "./api.ts";
import { CONDITION, CONDITIONS } from "./labels.ts";

export type BoxTask = "seal" | "inspect" | "shelve" | "condition";

interface Values {
  sealNumber?: string;
  outsideOk?: boolean;
  witnessUserId?: string;
  sealIntact?: boolean;
  damaged?: boolean;
  missingItemIds?: string[];
  locationId?: string;
  condition?: Condition;
  note?: string;
}

export function BoxTaskModal({
  batch,
  box,
  task,
  onClose,
  onDone,
}: {
  batch: BatchDetail;
  box: BatchBox;
  task: BoxTask;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, pick } = useI18n();
  const i = t.intake;
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [q, setQ] = useState("");
  const items = useQuery(
    () => (task === "inspect" ? intakeApi.items(batch.id) : Promise.resolve({ items: [] })),
    [task],
  );
  const locations = useQuery(
    () =>
      task === "shelve" ? intakeApi.locations(batch.id, q || undefined) : Promise.resolve({ items: [] }),
    [task, q],
  );
  const note = (v: Values) => (v.note?.trim() ? { note: v.note.trim() } : {});

  const run = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      if (task === "seal")
        await boxesApi.seal(box.id, {
          sealNumber: v.sealNumber!.trim(),
          outsideOk: !!v.outsideOk,
          ...(v.witnessUserId ? { witnessUserId: v.witnessUserId } : {}),
          ...note(v),
        });
      if (task === "inspect")
        await boxesApi.inspect(box.id, {
          sealIntact: !!v.sealIntact,
          damaged: !!v.damaged,
          missingItemIds: v.missingItemIds ?? [],
          ...note(v),
        });
      if (task === "shelve") await boxesApi.shelve(box.id, v.locationId!);
      if (task === "condition")
        await intakeApi.condition(batch.id, { boxId: box.id, condition: v.condition!, ...note(v) });
      notify.success(i.boxTaskDone(box.boxNo));
      onDone();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const title = {
    seal: i.taskSeal,
    inspect: i.taskInspect,
    shelve: i.taskShelve,
    condition: i.taskCondition,
  }[task];
  return (
    <Modal
      open
      title={`${title} · ${i.boxNo} ${box.boxNo}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.confirm}
      cancelText={t.common.cancel}
      confirmLoading={busy}
    >
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        data-testid={`box-task-${task}`}
        initialValues={{ outsideOk: false, sealIntact: true, damaged: false, condition: "good" }}
        onFinish={(v) => void run(v)}
      >
        {task === "seal" && (
          <>
            <Form.Item
              name="sealNumber"
              label={i.sealNumber}
              rules={[{ required: true, message: t.common.required }]}
            >
              <Input maxLength={50} autoFocus />
            </Form.Item>
            <Form.Item name="outsideOk" valuePropName="checked" extra={i.outsideOkHelp}>
              <Checkbox>{i.outsideOk}</Checkbox>
            </Form.Item>
            <Form.Item name="witnessUserId" label={i.witness}>
              <Select
                allowClear
                options={batch.parties.client.map((p) => ({ value: p.id, label: p.name }))}
              />
            </Form.Item>
          </>
        )}
        {task === "inspect" && (
          <>
            <Form.Item name="sealIntact" label={i.sealIntact} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="damaged" label={i.damaged} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="missingItemIds" label={i.missingItems} extra={i.missingItemsHelp}>
              <Select
                mode="multiple"
                optionFilterProp="label"
                options={(items.data?.items ?? [])
                  .filter((it) => it.boxId === box.id)
                  .map((it) => ({ value: it.id, label: `${it.referenceCode ?? ""} ${it.title ?? ""}` }))}
              />
            </Form.Item>
          </>
        )}
        {task === "shelve" && (
          <Form.Item
            name="locationId"
            label={i.location}
            extra={i.locationHelp}
            rules={[{ required: true, message: t.common.required }]}
          >
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              loading={locations.loading}
              autoFocus
              options={(locations.data?.items ?? []).map((l) => ({
                value: l.id,
                label: i.locationOption(l.vaultName, l.code, l.zone, l.capacity - l.held),
              }))}
            />
          </Form.Item>
        )}
        {task === "condition" && (
          <Form.Item name="condition" label={i.condition} extra={i.conditionHelp}>
            <Select options={CONDITIONS.map((c) => ({ value: c, label: pick(CONDITION[c]) }))} />
          </Form.Item>
        )}
        {task !== "shelve" && (
          <Form.Item name="note" label={i.note}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
